/**
 * A token bucket kept as two numbers in a Float64Array (tokens left, when last taken), for the
 * queue's status polls: taking from one allocates nothing and touches one cache line. A poll takes
 * from two (its place's and its address's), and on a machine answering tens of thousands of polls
 * a second, buckets as objects in maps cost a poll more than anything else it does: their hash
 * tables and objects are out of cache on every poll (docs/BENCHMARKS.md).
 *
 * The arithmetic is takeTokens's (coord/token-bucket.ts) and is tested against it.
 * Pure: no clock, no I/O.
 */

export interface BucketRule {
  limit: number;
  windowMs: number;
  cost: number;
}

// Float refills can land a hair under a whole token right at the promised retry time.
const EPSILON = 1e-9;

/**
 * Takes `rule.cost` from the bucket at `slots[i]` (tokens) and `slots[i + 1]` (taken at, epoch ms,
 * plus one: 0 for a bucket never taken from, which is full). 0 when allowed; otherwise milliseconds until
 * it would be. Either way the bucket is stored refilled to now, as takeTokens's state is.
 */
export function takeFromSlot(slots: Float64Array, i: number, now: number, rule: BucketRule): number {
  const perMs = rule.limit / rule.windowMs;
  const at = slots[i + 1]! - 1;
  let tokens = at === -1 ? rule.limit : Math.min(rule.limit, slots[i]! + Math.max(0, now - at) * perMs);
  const allowed = tokens + EPSILON >= rule.cost;
  if (allowed) tokens = Math.max(0, tokens - rule.cost);
  slots[i] = tokens;
  slots[i + 1] = now + 1;
  return allowed ? 0 : Math.ceil((rule.cost - tokens) / perMs);
}

/**
 * Puts `rule.cost` back into the bucket at `slots[i]` after a take whose request was refused for
 * another reason (it must not count against the bucket's other users), up to the limit.
 */
export function giveBackToSlot(slots: Float64Array, i: number, rule: BucketRule) {
  if (slots[i + 1] === 0) return; // never taken from: full
  slots[i] = Math.min(rule.limit, slots[i]! + rule.cost);
}
