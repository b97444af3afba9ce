import { type BucketState, takeTokens } from '../../coord/token-bucket.ts';

/**
 * In-process token buckets for the hottest read (queue status polls), which must not cost a Redis
 * round trip. Each process limits on its own, so behind N processes a caller gets up to N× the
 * rate; that bounds abuse, which is all a poll limit has to do.
 */
export function localLimiter(maxKeys = 200_000) {
  const buckets = new Map<string, BucketState & { ttlAt: number }>();
  let sweptAt = 0;

  function sweep(now: number) {
    if (now - sweptAt < 10_000 && buckets.size < maxKeys) return;
    sweptAt = now;
    for (const [k, b] of buckets) if (b.ttlAt <= now) buckets.delete(k);
    // Under a flood of distinct keys, forget everyone rather than grow without bound.
    if (buckets.size >= maxKeys) buckets.clear();
  }

  return {
    /** 0 when allowed; otherwise milliseconds until it would be. */
    take(key: string, rule: { limit: number; windowMs: number }, now: number): number {
      sweep(now);
      const d = takeTokens(buckets.get(key), now, { ...rule, cost: 1 });
      buckets.set(key, { ...d.state, ttlAt: now + d.ttlMs });
      return d.allowed ? 0 : d.retryAfterMs;
    },
  };
}
