/**
 * Token bucket arithmetic, pure so it can be tested alone. The memory adapter runs this; the Redis
 * adapter runs the same steps in Lua (redis-scripts.ts) — keep the two in step.
 *
 * State is only (tokens, updatedAt): the refill is computed from elapsed time on each request, so
 * no timer ever runs per bucket and an absent bucket simply means "full".
 */

export interface BucketState {
  tokens: number;
  updatedAt: number;
}

export interface BucketDecision {
  state: BucketState;
  allowed: boolean;
  remaining: number;
  retryAfterMs: number;
  /** After this long the bucket is full again, so its state can be forgotten. */
  ttlMs: number;
}

// Float refills can land a hair under a whole token right at the promised retry time.
const EPSILON = 1e-9;

export function takeTokens(
  previous: BucketState | undefined,
  now: number,
  rule: { limit: number; windowMs: number; cost: number },
): BucketDecision {
  const perMs = rule.limit / rule.windowMs;
  let tokens = rule.limit;
  if (previous) {
    const elapsed = Math.max(0, now - previous.updatedAt);
    tokens = Math.min(rule.limit, previous.tokens + elapsed * perMs);
  }
  const allowed = tokens + EPSILON >= rule.cost;
  if (allowed) tokens = Math.max(0, tokens - rule.cost);
  const retryAfterMs = allowed ? 0 : Math.ceil((rule.cost - tokens) / perMs);
  return {
    state: { tokens, updatedAt: now },
    allowed,
    remaining: Math.floor(tokens + EPSILON),
    retryAfterMs,
    ttlMs: Math.max(1, Math.ceil((rule.limit - tokens) / perMs)),
  };
}
