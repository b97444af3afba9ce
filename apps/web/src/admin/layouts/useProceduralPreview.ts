import {
  generateProceduralPlan,
  type Plan,
  type ProceduralSpec,
  validateProceduralSpec,
} from '@ticketing/seatmap';
import { useMemo, useRef } from 'react';
import { type ProceduralValues, specFromValues } from './proceduralValues.ts';

type Result = { spec?: ProceduralSpec; plan?: Plan; problems: string[] };

/** The spec, plan and problems for form values, synchronously (used on submit, too). */
export function computeProceduralPreview(values: ProceduralValues): Result {
  const { spec, problems } = specFromValues(values);
  const all = [...problems, ...validateProceduralSpec(spec)];
  if (all.length > 0) return { problems: all };
  try {
    return { spec, plan: generateProceduralPlan(spec), problems: [] };
  } catch (err) {
    return { problems: [err instanceof Error ? err.message : 'The layout could not be generated'] };
  }
}

/**
 * The plan for the current form values, or its problems. While there are problems the last valid
 * plan stays on screen (marked stale), so the preview does not flash empty on every keystroke.
 */
export function useProceduralPreview(values: ProceduralValues): {
  plan?: Plan;
  problems: string[];
  stale: boolean;
} {
  const lastGood = useRef<Plan | undefined>(undefined);
  return useMemo(() => {
    const result = computeProceduralPreview(values);
    if (result.plan) lastGood.current = result.plan;
    return { plan: result.plan ?? lastGood.current, problems: result.problems, stale: !result.plan };
  }, [values]);
}
