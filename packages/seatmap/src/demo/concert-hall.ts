/**
 * A concert hall of about 2,000 seats: fan-shaped stalls with two radial aisles facing the stage, and
 * a wider balcony behind them. Rows are arcs around a point behind the stage.
 */
import type { Category, Plan, Polygon, Row, Seat, Section } from '../plan.ts';
import { rowLabels } from '../row-labels.ts';

const SEAT_PITCH = 22;
const ROW_PITCH = 36;
const AISLE = 34;
const STAGE_Y = 150;
/** Centre of the row arcs, behind the stage. */
const ARC_CENTRE_DEPTH = 320;

const CATEGORIES: Category[] = [
  { key: 'premium', label: 'Premium', color: '#cc79a7' },
  { key: 'a', label: 'Category A', color: '#0072b2' },
  { key: 'b', label: 'Category B', color: '#009e73' },
  { key: 'c', label: 'Category C', color: '#e69f00' },
];

interface Block {
  id: string;
  label: string;
  rows: number;
  firstRadius: number;
  halfAngle: number;
  /** Aisles at these angles (radians, 0 = straight ahead). */
  aisles: number[];
  category: (row: number) => string;
}

const STALLS: Block = {
  id: 'stalls',
  label: 'Stalls',
  rows: 24,
  firstRadius: ARC_CENTRE_DEPTH + 110,
  halfAngle: 0.7,
  aisles: [-0.2, 0.2],
  category: (r) => (r < 8 ? 'premium' : r < 17 ? 'a' : 'b'),
};

const BALCONY: Block = {
  id: 'balcony',
  label: 'Balcony',
  rows: 11,
  firstRadius: STALLS.firstRadius + STALLS.rows * ROW_PITCH + 140,
  halfAngle: 0.6,
  aisles: [-0.25, 0, 0.25],
  category: (r) => (r < 4 ? 'a' : 'c'),
};

const round = (v: number): number => Math.round(v * 100) / 100;

function arc(cx: number, cy: number, radius: number, from: number, to: number, steps: number): Polygon {
  const out: Polygon = [];
  for (let k = 0; k <= steps; k++) {
    const t = from + ((to - from) * k) / steps;
    out.push([round(cx + radius * Math.sin(t)), round(cy + radius * Math.cos(t))]);
  }
  return out;
}

function block(b: Block, cx: number, cy: number): Section {
  const labels = rowLabels({ scheme: 'letters' }, b.rows);
  const rows: Row[] = labels.map((label, r) => {
    const radius = b.firstRadius + r * ROW_PITCH;
    const step = SEAT_PITCH / radius;
    const count = Math.floor((2 * b.halfAngle) / step);
    const seats: Seat[] = [];
    let previous = Number.NaN;
    for (let k = 0; k < count; k++) {
      // Left to right as seen from the stage drawing: angle decreasing.
      const angle = b.halfAngle - (k + 0.5) * step;
      if (b.aisles.some((a) => Math.abs(angle - a) * radius < AISLE / 2 + SEAT_PITCH / 2)) continue;
      const seat: Seat = {
        id: `${b.id === 'stalls' ? 'st' : 'bc'}-r${r}-s${k}`,
        label: '',
        x: round(cx + radius * Math.sin(angle)),
        y: round(cy + radius * Math.cos(angle)),
        category: b.category(r),
      };
      if (seats.length > 0 && previous !== k - 1) seat.breakBefore = true;
      seats.push(seat);
      previous = k;
    }
    seats.forEach((seat, i) => {
      seat.label = String(i + 1);
    });
    return { label, seats };
  });
  const inner = b.firstRadius - ROW_PITCH / 2;
  const outer = b.firstRadius + (b.rows - 0.5) * ROW_PITCH;
  const polygon = [
    ...arc(cx, cy, inner, -b.halfAngle, b.halfAngle, 12),
    ...arc(cx, cy, outer, b.halfAngle, -b.halfAngle, 12),
  ];
  return { id: b.id, label: b.label, polygon, rows };
}

function markWheelchairSpaces(section: Section): void {
  const back = section.rows[section.rows.length - 1];
  if (!back) return;
  back.seats.forEach((seat, i) => {
    const next = back.seats[i + 1];
    const runStart = i === 0 || seat.breakBefore;
    if (runStart && next && !next.breakBefore) {
      seat.accessible = true;
      next.companion = true;
    }
  });
}

export function demoConcertHall(): Plan {
  const outerRadius = BALCONY.firstRadius + BALCONY.rows * ROW_PITCH;
  const halfWidth =
    Math.max(...[STALLS, BALCONY].map((b) => (b.firstRadius + b.rows * ROW_PITCH) * Math.sin(b.halfAngle))) +
    60;
  const cx = round(halfWidth);
  const cy = STAGE_Y - ARC_CENTRE_DEPTH;
  const stalls = block(STALLS, cx, cy);
  markWheelchairSpaces(stalls);
  return {
    version: 1,
    kind: 'procedural',
    width: round(2 * halfWidth),
    height: round(cy + outerRadius + 60),
    categories: CATEGORIES.map((c) => ({ ...c })),
    sections: [stalls, block(BALCONY, cx, cy)],
    gaAreas: [],
    focalPoint: { x: cx, y: STAGE_Y - 60 },
  };
}
