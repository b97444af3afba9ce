import type { LayoutCreate } from '@ticketing/contracts';
import type { Plan } from '@ticketing/seatmap';
import { useEffect, useRef, useState } from 'react';
import { useLayoutPreview } from '../../api/admin/useLayoutPreview.ts';
import { describeError } from '../../api/client.ts';

type State = { plan?: Plan; warnings: string[]; problems: string[]; stale: boolean; status: string };

/**
 * Asks the server for the preview of an SVG layout whenever the body settles (400 ms), ignoring
 * answers to older bodies. `uploadId` changes with each chosen file. The server sanitizes the drawing, so the map shows its background only.
 */
export function useSvgPreview(body: LayoutCreate | null, uploadId: number): State {
  const preview = useLayoutPreview();
  const { mutate } = preview;
  const [state, setState] = useState<State>({ warnings: [], problems: [], stale: false, status: '' });
  const latest = useRef(0);
  // Everything the server reads except the SVG text itself, which `uploadId` stands for.
  const key = body ? JSON.stringify({ ...body, svg: uploadId, name: '' }) : '';
  const bodyRef = useRef(body);
  bodyRef.current = body;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the body (without re-hashing the SVG)
  useEffect(() => {
    const current = bodyRef.current;
    if (!current) return;
    const ticket = ++latest.current;
    setState((s) => ({ ...s, stale: Boolean(s.plan), status: 'Checking…' }));
    const timer = setTimeout(() => {
      mutate(current, {
        onSuccess: (r) => {
          if (ticket !== latest.current) return;
          setState({
            plan: r.plan,
            warnings: r.warnings,
            problems: [],
            stale: false,
            status: `Checked · ${r.capacity.toLocaleString()} places`,
          });
        },
        onError: (err) => {
          if (ticket !== latest.current) return;
          setState((s) => ({
            ...s,
            problems: [describeError(err)],
            stale: Boolean(s.plan),
            status: 'Not valid yet',
          }));
        },
      });
    }, 400);
    return () => clearTimeout(timer);
  }, [key, mutate]);

  return body ? state : { warnings: [], problems: [], stale: false, status: '' };
}
