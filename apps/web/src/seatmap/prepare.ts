import type { Plan } from '@ticketing/seatmap';
import type { Bounds } from './viewport.ts';

/** Seats of one colour as packed x,y pairs: drawn as a single path, whatever their number. */
export type SeatLayer = { key: string; color: string; xy: Float32Array };

/** A row label anchored at an end seat; (dx, dy) is the unit direction away from the row. */
export type RowLabel = { label: string; x: number; y: number; dx: number; dy: number };

/** A section's name at the middle of its outline (or of its seats), with the size it has to fit in. */
export type SectionLabel = { text: string; x: number; y: number; width: number; height: number };

export type LegendEntry = { key: string; label: string; color: string; seats: number; standing: number };

/**
 * A plan reshaped once for drawing (typed arrays instead of nested objects), so each frame is a few
 * tight loops even for an 80,000-seat stadium. Later status colours, hover and selection will add
 * layers here rather than touch the plan.
 */
export type PreparedPlan = {
  plan: Plan;
  layers: SeatLayer[];
  /** Every seat, in plan order: x,y pairs and labels, for seat numbers when zoomed in. */
  seatXY: Float32Array;
  seatLabels: string[];
  seatColors: Uint16Array;
  accessibleXY: Float32Array;
  rowLabels: RowLabel[];
  sectionLabels: SectionLabel[];
  seatRadius: number;
  /** Typical distance between neighbouring rows, for deciding when row labels are legible. */
  rowPitch: number;
  bounds: Bounds;
  legend: LegendEntry[];
  accessibleSeats: number;
  capacity: number;
};

export const UNKNOWN_CATEGORY_COLOUR = '#9a98a8';

function median(values: number[], fallback: number): number {
  if (values.length === 0) return fallback;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? fallback;
}

export function preparePlan(plan: Plan): PreparedPlan {
  const colourOf = new Map(plan.categories.map((c) => [c.key, c.color]));
  const layerIndex = new Map<string, number>();
  const layerKeys: string[] = [];
  const layerCounts: number[] = [];
  let seatCount = 0;
  let accessibleSeats = 0;
  for (const section of plan.sections) {
    for (const row of section.rows) {
      for (const seat of row.seats) {
        seatCount++;
        if (seat.accessible) accessibleSeats++;
        let i = layerIndex.get(seat.category);
        if (i === undefined) {
          i = layerKeys.length;
          layerIndex.set(seat.category, i);
          layerKeys.push(seat.category);
          layerCounts.push(0);
        }
        layerCounts[i] = (layerCounts[i] ?? 0) + 1;
      }
    }
  }

  const layerXY = layerCounts.map((n) => new Float32Array(n * 2));
  const fill = layerCounts.map(() => 0);
  const seatXY = new Float32Array(seatCount * 2);
  const seatLabels: string[] = new Array(seatCount);
  const seatColors = new Uint16Array(seatCount);
  const accessibleXY = new Float32Array(accessibleSeats * 2);
  const rowLabels: RowLabel[] = [];
  const seatGaps: number[] = [];
  const rowGaps: number[] = [];
  let s = 0;
  let a = 0;
  for (const section of plan.sections) {
    let previousRowY: number | undefined;
    for (const row of section.rows) {
      const seats = row.seats;
      seats.forEach((seat, j) => {
        const i = layerIndex.get(seat.category) ?? 0;
        const xy = layerXY[i]!;
        const at = fill[i]!;
        xy[at] = seat.x;
        xy[at + 1] = seat.y;
        fill[i] = at + 2;
        seatXY[s * 2] = seat.x;
        seatXY[s * 2 + 1] = seat.y;
        seatLabels[s] = seat.label;
        seatColors[s] = i;
        s++;
        if (seat.accessible) {
          accessibleXY[a++] = seat.x;
          accessibleXY[a++] = seat.y;
        }
        const before = seats[j - 1];
        if (before && !seat.breakBefore && seatGaps.length < 4000) {
          seatGaps.push(Math.hypot(seat.x - before.x, seat.y - before.y));
        }
      });
      const first = seats[0];
      if (first && previousRowY !== undefined && rowGaps.length < 4000) {
        rowGaps.push(Math.abs(first.y - previousRowY));
      }
      if (first) previousRowY = first.y;
      addRowLabels(rowLabels, row.label, seats);
    }
  }

  const pitch = median(seatGaps, Math.max(plan.width, plan.height) / 60);
  const legend: LegendEntry[] = plan.categories.map((c) => ({
    key: c.key,
    label: c.label,
    color: c.color,
    seats: layerCounts[layerIndex.get(c.key) ?? -1] ?? 0,
    standing: 0,
  }));
  for (const area of plan.gaAreas) {
    const entry = legend.find((e) => e.key === area.category);
    if (entry) entry.standing += area.capacity;
  }
  for (const key of layerKeys) {
    if (!colourOf.has(key)) {
      const seats = layerCounts[layerIndex.get(key)!] ?? 0;
      legend.push({ key, label: key || 'No category', color: UNKNOWN_CATEGORY_COLOUR, seats, standing: 0 });
    }
  }

  return {
    plan,
    layers: layerKeys.map((key, i) => ({
      key,
      color: colourOf.get(key) ?? UNKNOWN_CATEGORY_COLOUR,
      xy: layerXY[i]!,
    })),
    seatXY,
    seatLabels,
    seatColors,
    accessibleXY,
    rowLabels,
    sectionLabels: sectionLabels(plan),
    seatRadius: pitch * 0.4,
    rowPitch: median(
      rowGaps.filter((g) => g > 0),
      pitch * 1.25,
    ),
    bounds: { minX: 0, minY: 0, maxX: plan.width, maxY: plan.height },
    legend,
    accessibleSeats,
    capacity: seatCount + plan.gaAreas.reduce((sum, g) => sum + g.capacity, 0),
  };
}

/**
 * One name per section for the overview. Short ids such as "101" read better than "Section 101" at
 * that size, so they are used when every section has one; otherwise the labels.
 */
function sectionLabels(plan: Plan): SectionLabel[] {
  if (plan.sections.length < 2) return [];
  const short = plan.sections.every((s) => s.id.length <= 6);
  return plan.sections.map((s) => sectionLabel(s, short));
}

/** Area-weighted centroid of a polygon (a wedge's middle, not its bounding box's), or null if flat. */
function centroid(polygon: [number, number][]): { x: number; y: number } | null {
  let area = 0;
  let cx = 0;
  let cy = 0;
  polygon.forEach(([x0, y0], i) => {
    const [x1, y1] = polygon[(i + 1) % polygon.length]!;
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  });
  return Math.abs(area) < 1e-9 ? null : { x: cx / (3 * area), y: cy / (3 * area) };
}

function sectionLabel(section: Plan['sections'][number], short: boolean): SectionLabel {
  const points: [number, number][] =
    section.polygon ?? section.rows.flatMap((r) => r.seats.map((seat): [number, number] => [seat.x, seat.y]));
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (points.length === 0) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const middle = (section.polygon && centroid(section.polygon)) || {
    x: (minX + maxX) / 2,
    y: (minY + maxY) / 2,
  };
  return { text: short ? section.id : section.label, ...middle, width: maxX - minX, height: maxY - minY };
}

/** A row's label at both ends of the row, pointing outwards along the row (rows may be angled). */
function addRowLabels(out: RowLabel[], label: string, seats: { x: number; y: number }[]) {
  const first = seats[0];
  const last = seats[seats.length - 1];
  if (!first || !last || label === '') return;
  const second = seats[1] ?? { x: first.x + 1, y: first.y };
  const before = seats[seats.length - 2] ?? { x: last.x - 1, y: last.y };
  const d1 = Math.hypot(second.x - first.x, second.y - first.y) || 1;
  const d2 = Math.hypot(last.x - before.x, last.y - before.y) || 1;
  out.push({ label, x: first.x, y: first.y, dx: (first.x - second.x) / d1, dy: (first.y - second.y) / d1 });
  out.push({ label, x: last.x, y: last.y, dx: (last.x - before.x) / d2, dy: (last.y - before.y) / d2 });
}
