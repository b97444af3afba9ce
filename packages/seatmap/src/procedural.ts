/**
 * Procedural layouts (cinemas, small halls): a small spec stored with the venue, expanded into a plan.
 *
 * Positions in the spec (aisles, gaps, missing seats, wheelchair spaces) count seats from the left of
 * the plan as drawn, screen at the top, whatever the numbering direction: `numbering` only changes the
 * printed seat numbers, so flipping it relabels seats without moving anything or changing any id.
 * Seat ids are `r{rowIndex}-s{position-1}` (physical row from the screen, physical position from the
 * left), so renaming rows, skipping letters or renumbering never changes them.
 */
import type { Plan, Seat } from './plan.ts';
import { type ProceduralSpec, validateProceduralSpec } from './procedural-spec.ts';
import { rowLabels } from './row-labels.ts';

/** Drawing geometry in plan units. */
const SEAT_PITCH = 32;
const ROW_PITCH = 40;
const MARGIN = 48;
const SCREEN_BAND = 96;

export class ProceduralSpecError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid layout spec: ${problems.join('; ')}`);
    this.name = 'ProceduralSpecError';
  }
}

/** Expands a spec into a plan. Throws ProceduralSpecError with every problem when the spec is invalid. */
export function generateProceduralPlan(spec: ProceduralSpec): Plan {
  const problems = validateProceduralSpec(spec);
  if (problems.length > 0) throw new ProceduralSpecError(problems);

  const labels = rowLabels(spec.rowLabels, spec.rows);
  const rowIndex = new Map(labels.map((label, i) => [label, i]));
  const perRow = spec.seatsPerRow;
  // removed[r * perRow + p] marks positions without a seat; p is 0-based from the left.
  const removed = new Uint8Array(spec.rows * perRow);
  const accessible = new Uint8Array(spec.rows * perRow);
  for (const g of spec.gaps ?? []) {
    const r = rowIndex.get(g.row) ?? 0;
    for (let p = g.from - 1; p < g.to; p++) removed[r * perRow + p] = 1;
  }
  for (const m of spec.missing ?? []) removed[(rowIndex.get(m.row) ?? 0) * perRow + m.seat - 1] = 1;
  for (const w of spec.wheelchair ?? []) {
    for (const s of w.seats) accessible[(rowIndex.get(w.row) ?? 0) * perRow + s - 1] = 1;
  }
  const aisleAfter = new Set(spec.aisles ?? []);
  const rowCategory: string[] = [];
  for (const c of spec.categories) {
    for (let r = rowIndex.get(c.rows[0]) ?? 0; r <= (rowIndex.get(c.rows[1]) ?? 0); r++)
      rowCategory[r] = c.key;
  }

  // x of each position: aisles widen the row by one seat pitch each.
  const xs: number[] = [];
  let aislesSoFar = 0;
  for (let p = 0; p < perRow; p++) {
    if (aisleAfter.has(p)) aislesSoFar++;
    xs.push(MARGIN + (p + aislesSoFar) * SEAT_PITCH + SEAT_PITCH / 2);
  }
  const width = 2 * MARGIN + (perRow + aisleAfter.size) * SEAT_PITCH;
  const top = MARGIN + SCREEN_BAND;

  const rows = labels.map((label, r) => {
    const seats: Seat[] = [];
    let previous = -2;
    for (let p = 0; p < perRow; p++) {
      if (removed[r * perRow + p]) continue;
      const seat: Seat = {
        id: `r${r}-s${p}`,
        label: '',
        x: xs[p] ?? 0,
        y: top + r * ROW_PITCH + ROW_PITCH / 2,
        category: rowCategory[r] ?? '',
      };
      if (seats.length > 0 && (previous !== p - 1 || aisleAfter.has(p))) seat.breakBefore = true;
      if (accessible[r * perRow + p]) seat.accessible = true;
      seats.push(seat);
      previous = p;
    }
    markCompanions(seats);
    const count = seats.length;
    seats.forEach((seat, i) => {
      seat.label = String(spec.numbering === 'left-to-right' ? i + 1 : count - i);
    });
    return { label, seats };
  });

  const bottom = top + spec.rows * ROW_PITCH;
  return {
    version: 1,
    kind: 'procedural',
    width,
    height: bottom + MARGIN,
    categories: spec.categories.map(({ key, label, color }) => ({ key, label, color })),
    sections: [
      {
        id: 'main',
        label: 'Auditorium',
        polygon: [
          [MARGIN, top],
          [width - MARGIN, top],
          [width - MARGIN, bottom],
          [MARGIN, bottom],
        ],
        rows,
      },
    ],
    gaAreas: [],
    focalPoint: { x: width / 2, y: MARGIN },
  };
}

/** A seat directly beside a wheelchair space (same run, not across an aisle) is a companion seat. */
function markCompanions(seats: Seat[]): void {
  seats.forEach((seat, i) => {
    if (!seat.accessible) return;
    const left = seats[i - 1];
    const right = seats[i + 1];
    if (left && !seat.breakBefore && !left.accessible) left.companion = true;
    if (right && !right.breakBefore && !right.accessible) right.companion = true;
  });
}
