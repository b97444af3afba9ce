import { type Plan, type PreparedPlan, prepareBestAvailable, seatIndex } from '@ticketing/seatmap';

/**
 * What booking needs from a published session's plan, computed once per layout version (a layout
 * that sells is immutable, so this never goes stale): the plan, the seat order used by the compact
 * availability encoding, a seat lookup and the prepared best-available structures.
 */
export type SessionPlan = {
  layoutId: string;
  plan: Plan;
  seatOrder: string[];
  seatPosition: Map<string, number>;
  index: ReturnType<typeof seatIndex>;
  prepared: PreparedPlan;
  gaAreas: Map<string, Plan['gaAreas'][number]>;
};

export function buildSessionPlan(layoutId: string, plan: Plan): SessionPlan {
  const seatOrder: string[] = [];
  for (const section of plan.sections)
    for (const row of section.rows) for (const seat of row.seats) seatOrder.push(seat.id);
  return {
    layoutId,
    plan,
    seatOrder,
    seatPosition: new Map(seatOrder.map((id, i) => [id, i])),
    index: seatIndex(plan),
    prepared: prepareBestAvailable(plan),
    gaAreas: new Map(plan.gaAreas.map((a) => [a.id, a])),
  };
}

/** A per-process cache of session plans by layout id, loading each at most once at a time. */
export function sessionPlanCache(load: (layoutId: string) => Promise<Plan | null>, maxEntries = 50) {
  const cache = new Map<string, Promise<SessionPlan | null>>();
  return (layoutId: string): Promise<SessionPlan | null> => {
    let entry = cache.get(layoutId);
    if (!entry) {
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
      entry = load(layoutId).then((plan) => (plan ? buildSessionPlan(layoutId, plan) : null));
      entry.catch(() => cache.delete(layoutId));
      cache.set(layoutId, entry);
    }
    return entry;
  };
}
