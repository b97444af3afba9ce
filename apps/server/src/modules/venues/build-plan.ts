import type { LayoutCreate } from '@ticketing/contracts';
import {
  applySectionCategories,
  categoriesInUse,
  generateProceduralPlan,
  importSvgPlan,
  type Plan,
  type ProceduralSpec,
  planCapacity,
  SvgImportError,
  validatePlan,
  validateProceduralSpec,
} from '@ticketing/seatmap';
import { LayoutInvalid } from './errors.ts';

export const SVG_MAX_BYTES = 10 * 1024 * 1024;
export const SVG_MAX_SEATS = 100_000;

export type BuiltLayout = {
  kind: 'procedural' | 'svg';
  spec: unknown;
  plan: Plan;
  capacity: number;
  categories: Plan['categories'];
  warnings: string[];
  /** Preview only: sections whose seats still need a category (map them, then save). */
  sectionsWithoutCategory?: { sectionId: string; label: string; seats: number }[];
};

/**
 * Turns what an admin sent (a procedural spec, or an SVG plus category mapping) into a validated
 * plan. All checks of the pure seatmap package surface here as one 400 with every problem listed.
 */
export function buildLayoutPlan(input: LayoutCreate, opts: { preview?: boolean } = {}): BuiltLayout {
  if (input.kind === 'procedural') {
    const spec = input.spec as unknown as ProceduralSpec;
    let problems: string[];
    try {
      problems = validateProceduralSpec(spec);
    } catch {
      problems = [
        'The layout spec is malformed: rows, seatsPerRow, aisles, rowLabels, numbering and categories are needed',
      ];
    }
    if (problems.length) throw new LayoutInvalid(problems[0]!, problems);
    const plan = generateProceduralPlan(spec);
    return finish('procedural', spec, plan, []);
  }

  let imported: ReturnType<typeof importSvgPlan>;
  try {
    imported = importSvgPlan(input.svg, { maxBytes: SVG_MAX_BYTES, maxSeats: SVG_MAX_SEATS });
  } catch (err) {
    if (err instanceof SvgImportError) throw new LayoutInvalid(err.message, [err.message]);
    throw err;
  }
  const unknownTargets = Object.entries(input.sectionCategories).filter(
    ([, key]) => !input.categories.some((c) => c.key === key),
  );
  if (unknownTargets.length) {
    const problems = unknownTargets.map(
      ([section, key]) => `Section ${section} is mapped to unknown category '${key}'`,
    );
    throw new LayoutInvalid(problems[0]!, problems);
  }
  const plan = applySectionCategories(
    { ...imported.plan, categories: input.categories },
    input.sectionCategories,
    {
      categories: input.categories,
    },
  );
  if (opts.preview) {
    // The admin maps sections after seeing them: list what still needs a category instead of failing.
    const open = plan.sections
      .map((s) => ({
        sectionId: s.id,
        label: s.label,
        seats: s.rows.reduce((n, r) => n + r.seats.filter((x) => x.category === '').length, 0),
      }))
      .filter((s) => s.seats > 0);
    if (open.length)
      return { ...finishUnchecked('svg', null, plan, imported.warnings), sectionsWithoutCategory: open };
  }
  const unmapped = categoriesInUse(plan).filter((key) => !input.categories.some((c) => c.key === key));
  if (unmapped.length) {
    const problems = unmapped.map((key) => `Seats use category '${key}', which is not defined`);
    throw new LayoutInvalid(problems[0]!, problems);
  }
  return finish('svg', null, plan, imported.warnings);
}

function finishUnchecked(
  kind: 'procedural' | 'svg',
  spec: unknown,
  plan: Plan,
  warnings: string[],
): BuiltLayout {
  return { kind, spec, plan, capacity: planCapacity(plan), categories: plan.categories, warnings };
}

function finish(kind: 'procedural' | 'svg', spec: unknown, plan: Plan, warnings: string[]): BuiltLayout {
  const problems = validatePlan(plan);
  if (problems.length) throw new LayoutInvalid(problems[0]!, problems);
  return { kind, spec, plan, capacity: planCapacity(plan), categories: plan.categories, warnings };
}
