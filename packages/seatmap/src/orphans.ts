/**
 * The no-orphan rule: a selection should not leave a single empty seat between it and a wall (row end,
 * aisle, gap) or a taken seat. Flexible form: such a seat is allowed only when no other selection of
 * the same size in that stretch of row avoids it. Only seats the selection isolates count; a seat that
 * was already alone before stays someone else's problem.
 */
import type { Plan, Seat } from './plan.ts';
import { AvailabilityProbe, type PreparedPlan, preparePlan } from './prepared-plan.ts';

/**
 * Would taking `chosen` from this row isolate a free seat? `taken` holds the row's unavailable seats.
 * Seats are in row order; `breakBefore` (aisle, gap) acts as a wall.
 */
export function leavesOrphan(
  rowSeats: readonly Seat[],
  taken: ReadonlySet<string>,
  chosen: Iterable<string>,
): boolean {
  const picked = new Set(chosen);
  const freeAfter = (i: number): boolean => {
    const seat = rowSeats[i];
    return seat !== undefined && !taken.has(seat.id) && !picked.has(seat.id);
  };
  const adjacent = (i: number, j: number): boolean => {
    const later = rowSeats[Math.max(i, j)];
    return (
      Math.abs(i - j) === 1 &&
      later !== undefined &&
      !later.breakBefore &&
      rowSeats[Math.min(i, j)] !== undefined
    );
  };
  for (let i = 0; i < rowSeats.length; i++) {
    if (!freeAfter(i)) continue;
    const touchesChoice = [i - 1, i + 1].some((j) => adjacent(i, j) && picked.has(rowSeats[j]?.id ?? ''));
    if (!touchesChoice) continue;
    const hasFreeNeighbour = [i - 1, i + 1].some((j) => adjacent(i, j) && freeAfter(j));
    if (!hasFreeNeighbour) return true;
  }
  return false;
}

/**
 * Free seats that the selection would leave alone (empty means the selection is orphan-free).
 * Unknown seat ids are ignored.
 */
export function wouldCreateOrphans(
  plan: Plan | PreparedPlan,
  isAvailable: (seatId: string) => boolean,
  seatIds: readonly string[],
): string[] {
  const p = preparePlan(plan);
  const probe = new AvailabilityProbe(p, isAvailable);
  const chosen = indexesOf(p, seatIds);
  const orphans = new Set<string>();
  for (const i of chosen) {
    for (const n of [i - 1, i + 1]) {
      if (isStranded(p, probe, chosen, n, i)) orphans.add(p.ids[n] ?? '');
    }
  }
  return [...orphans];
}

export interface OrphanRuleCheck {
  /** False when the selection leaves a single empty seat that another selection could have avoided. */
  ok: boolean;
  orphans: string[];
}

/**
 * The flexible rule for a manual pick: orphans are accepted only if, in each stretch of row where the
 * selection creates one, no other block of the same number of free seats would avoid it.
 */
export function checkOrphanRule(
  plan: Plan | PreparedPlan,
  isAvailable: (seatId: string) => boolean,
  seatIds: readonly string[],
): OrphanRuleCheck {
  const p = preparePlan(plan);
  const orphans = wouldCreateOrphans(p, isAvailable, seatIds);
  if (orphans.length === 0) return { ok: true, orphans };
  const chosen = indexesOf(p, seatIds);
  const probe = new AvailabilityProbe(p, isAvailable);
  // A chosen seat counts as free for the alternatives: it is free until this selection takes it.
  const freeBefore = (i: number): boolean => chosen.has(i) || probe.free(i);
  const runs = new Set([...orphans].map((id) => p.runOf[p.indexOf(id) ?? 0] ?? 0));
  for (const run of runs) {
    const start = p.runStart[run] ?? 0;
    const end = p.runEnd[run] ?? 0;
    let size = 0;
    for (let i = start; i < end; i++) if (chosen.has(i)) size++;
    if (size > 0 && hasCleanBlock(start, end, size, freeBefore)) return { ok: false, orphans };
  }
  return { ok: true, orphans };
}

function indexesOf(p: PreparedPlan, seatIds: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const id of seatIds) {
    const i = p.indexOf(id);
    if (i !== undefined) out.add(i);
  }
  return out;
}

/** Is seat n (a neighbour of chosen seat i, in the same run) free and left without a free neighbour? */
function isStranded(
  p: PreparedPlan,
  probe: AvailabilityProbe,
  chosen: Set<number>,
  n: number,
  i: number,
): boolean {
  if (n < 0 || n >= p.seatCount || p.runOf[n] !== p.runOf[i] || chosen.has(n) || !probe.free(n)) return false;
  const other = n + (n - i);
  const otherFree =
    other >= 0 &&
    other < p.seatCount &&
    p.runOf[other] === p.runOf[n] &&
    !chosen.has(other) &&
    probe.free(other);
  return !otherFree;
}

function hasCleanBlock(start: number, end: number, size: number, free: (i: number) => boolean): boolean {
  const freeAfter = (i: number, first: number, last: number): boolean =>
    i >= start && i < end && (i < first || i > last) && free(i);
  for (let first = start; first + size <= end; first++) {
    const last = first + size - 1;
    let all = true;
    for (let k = first; k <= last && all; k++) all = free(k);
    if (!all) continue;
    const leftAlone = freeAfter(first - 1, first, last) && !freeAfter(first - 2, first, last);
    const rightAlone = freeAfter(last + 1, first, last) && !freeAfter(last + 2, first, last);
    if (!leftAlone && !rightAlone) return true;
  }
  return false;
}
