/**
 * Turns the seats of one section of an uploaded SVG into ordered rows. SVG has no notion of "next
 * seat", so a row is ordered along its main direction (left to right, or top to bottom for a vertical
 * row), and a spacing well above the row's usual one marks an aisle or gap (`breakBefore`).
 */
import type { Row, Seat } from './plan.ts';
import type { RawSeat } from './svg-walk.ts';

/** A spacing this many times the row's median spacing is an aisle or gap. */
const BREAK_FACTOR = 1.6;

const round = (v: number): number => Math.round(v * 100) / 100;

function principalOrder(seats: RawSeat[]): RawSeat[] {
  const n = seats.length;
  if (n < 2) return seats;
  let mx = 0;
  let my = 0;
  for (const s of seats) {
    mx += s.x / n;
    my += s.y / n;
  }
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const s of seats) {
    sxx += (s.x - mx) ** 2;
    syy += (s.y - my) ** 2;
    sxy += (s.x - mx) * (s.y - my);
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  let dx = Math.cos(angle);
  let dy = Math.sin(angle);
  // Read left to right; a vertical row top to bottom.
  if (dx < -1e-9 || (Math.abs(dx) <= 1e-9 && dy < 0)) {
    dx = -dx;
    dy = -dy;
  }
  return seats
    .map((seat, order) => ({ seat, order, t: (seat.x - mx) * dx + (seat.y - my) * dy }))
    .sort((a, b) => a.t - b.t || a.order - b.order)
    .map((e) => e.seat);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Rows in order of first appearance; seats without a row are each on their own (never adjacent). */
export function buildRows(seats: RawSeat[]): Row[] {
  const groups = new Map<string, RawSeat[]>();
  for (const seat of seats) {
    const group = groups.get(seat.row);
    if (group) group.push(seat);
    else groups.set(seat.row, [seat]);
  }
  const rows: Row[] = [];
  for (const [label, group] of groups) {
    const ordered = label === '' ? group : principalOrder(group);
    const gaps = ordered
      .slice(1)
      .map((s, i) => Math.hypot(s.x - (ordered[i]?.x ?? 0), s.y - (ordered[i]?.y ?? 0)));
    const typical = median(gaps);
    rows.push({
      label,
      seats: ordered.map((raw, i): Seat => {
        const seat: Seat = {
          id: raw.id,
          label: raw.label ?? String(i + 1),
          x: round(raw.x),
          y: round(raw.y),
          category: raw.category,
        };
        const wideGap = i > 0 && gaps.length > 1 && (gaps[i - 1] ?? 0) > typical * BREAK_FACTOR;
        if (i > 0 && (label === '' || raw.breakBefore || wideGap)) seat.breakBefore = true;
        if (raw.accessible) seat.accessible = true;
        if (raw.companion) seat.companion = true;
        if (raw.restrictedView) seat.restrictedView = true;
        return seat;
      }),
    });
  }
  return rows;
}
