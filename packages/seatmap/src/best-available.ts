/**
 * Best available, in seats.io's order:
 *  (a) adjacent seats in one row (never across an aisle or gap) that leave no single empty seat behind;
 *  (b) adjacent seats in one row, even if that leaves a single empty seat;
 *  (c) the seats nearest the focal point, possibly scattered.
 * Within (a) and (b) the block whose centre is nearest its focal point wins (section focal point if
 * the section has one, else the plan's); ties go to the block that comes first in plan order, so the
 * result is deterministic for the same plan and availability.
 */
import type { Plan } from './plan.ts';
import { AvailabilityProbe, type PreparedPlan, preparePlan } from './prepared-plan.ts';

export interface BestAvailableRequest {
  category: string;
  quantity: number;
  /** Only seats of this section. */
  sectionId?: string;
}

export interface BestAvailableResult {
  seatIds: string[];
  /** Which step found them: same row without orphan, same row, or nearest (scattered). */
  strategy: 'adjacent' | 'adjacent-with-orphan' | 'nearest';
}

/** Builds (or returns the cached) per-plan structures; pass the result to every call. */
export function prepareBestAvailable(plan: Plan): PreparedPlan {
  return preparePlan(plan);
}

/** Seat ids for the request, or null when fewer than `quantity` seats of the category are available. */
export function pickBestAvailable(
  plan: Plan | PreparedPlan,
  isAvailable: (seatId: string) => boolean,
  request: BestAvailableRequest,
): string[] | null {
  return findBestAvailable(plan, isAvailable, request)?.seatIds ?? null;
}

/** Like pickBestAvailable, and also says which step of the order found the seats. */
export function findBestAvailable(
  plan: Plan | PreparedPlan,
  isAvailable: (seatId: string) => boolean,
  request: BestAvailableRequest,
): BestAvailableResult | null {
  const { quantity } = request;
  if (!Number.isInteger(quantity) || quantity < 1)
    throw new RangeError('quantity must be a whole number of at least 1');
  const p = preparePlan(plan);
  const code = p.categoryCode.get(request.category);
  if (code === undefined) return null;
  let section = -1;
  if (request.sectionId !== undefined) {
    section = p.sectionIds.indexOf(request.sectionId);
    if (section < 0) return null;
  }
  const probe = new AvailabilityProbe(p, isAvailable);
  const block = bestBlock(p, probe, code, section, quantity);
  if (block.clean >= 0) return { seatIds: blockIds(p, block.clean, quantity), strategy: 'adjacent' };
  if (block.any >= 0) return { seatIds: blockIds(p, block.any, quantity), strategy: 'adjacent-with-orphan' };
  const nearest = nearestSeats(p, probe, code, section, quantity);
  return nearest ? { seatIds: nearest, strategy: 'nearest' } : null;
}

function blockIds(p: PreparedPlan, start: number, quantity: number): string[] {
  return p.ids.slice(start, start + quantity);
}

/** Start seat of the best orphan-free block (`clean`) and the best block of any kind (`any`); -1 = none. */
function bestBlock(
  p: PreparedPlan,
  probe: AvailabilityProbe,
  code: number,
  section: number,
  quantity: number,
): { clean: number; any: number } {
  let clean = -1;
  let cleanDistance = Number.POSITIVE_INFINITY;
  let any = -1;
  let anyDistance = Number.POSITIVE_INFINITY;
  const runs = p.runsByCategory[code] ?? new Uint32Array(0);
  for (const run of runs) {
    const start = p.runStart[run] ?? 0;
    const end = p.runEnd[run] ?? 0;
    if (end - start < quantity) continue;
    const sec = p.section[start] ?? 0;
    if (section >= 0 && sec !== section) continue;
    const fx = p.sectionFocalX[sec] ?? 0;
    const fy = p.sectionFocalY[sec] ?? 0;
    let streak = 0;
    for (let j = start; j < end; j++) {
      if (p.category[j] !== code || !probe.free(j)) {
        streak = 0;
        continue;
      }
      if (++streak < quantity) continue;
      const first = j - quantity + 1;
      let sx = 0;
      let sy = 0;
      for (let k = first; k <= j; k++) {
        sx += p.x[k] ?? 0;
        sy += p.y[k] ?? 0;
      }
      const d = Math.hypot(sx / quantity - fx, sy / quantity - fy);
      if (d < anyDistance) {
        anyDistance = d;
        any = first;
      }
      if (d < cleanDistance && !strandsNeighbour(probe, first, j, start, end)) {
        cleanDistance = d;
        clean = first;
      }
    }
  }
  return { clean, any };
}

/** Would taking seats first…last leave a single free seat between the block and a wall or taken seat? */
function strandsNeighbour(
  probe: AvailabilityProbe,
  first: number,
  last: number,
  runStart: number,
  runEnd: number,
): boolean {
  const left = first - 1;
  if (left >= runStart && probe.free(left) && (left - 1 < runStart || !probe.free(left - 1))) return true;
  const right = last + 1;
  return right < runEnd && probe.free(right) && (right + 1 >= runEnd || !probe.free(right + 1));
}

function nearestSeats(
  p: PreparedPlan,
  probe: AvailabilityProbe,
  code: number,
  section: number,
  quantity: number,
): string[] | null {
  const chosen: string[] = [];
  for (const i of p.nearest(code)) {
    if (section >= 0 && p.section[i] !== section) continue;
    if (!probe.free(i)) continue;
    chosen.push(p.ids[i] ?? '');
    if (chosen.length === quantity) return chosen;
  }
  return null;
}
