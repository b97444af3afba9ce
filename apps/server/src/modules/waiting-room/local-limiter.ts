import { takeTokens } from '../../coord/token-bucket.ts';

/**
 * In-process token buckets for the hottest read (queue status polls), which must not cost a Redis
 * round trip. Each process limits on its own, so behind N processes a caller gets up to N× the
 * rate; that bounds abuse, which is all a poll limit has to do.
 *
 * A poll takes from two buckets, so this is on the poll's critical path: buckets live in one map
 * per scope (a session's places, addresses), keyed by the place number or the address itself, so
 * no key string is built per poll, and a bucket is updated in place.
 */
export interface LimitRule {
  limit: number;
  windowMs: number;
  cost: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** When the bucket is full again and can be forgotten. */
  ttlAt: number;
}

export function localLimiter(maxKeys = 200_000) {
  const scopes = new Map<string, Map<string | number, Bucket>>();
  let size = 0;
  let sweptAt = 0;

  function sweep(now: number) {
    if (now - sweptAt < 10_000 && size < maxKeys) return;
    sweptAt = now;
    size = 0;
    for (const [name, buckets] of scopes) {
      for (const [k, b] of buckets) if (b.ttlAt <= now) buckets.delete(k);
      if (buckets.size === 0) scopes.delete(name);
      size += buckets.size;
    }
    // Under a flood of distinct keys, forget everyone rather than grow without bound.
    if (size >= maxKeys) {
      scopes.clear();
      size = 0;
    }
  }

  return {
    /** 0 when allowed; otherwise milliseconds until it would be. */
    take(scope: string, key: string | number, rule: LimitRule, now: number): number {
      sweep(now);
      let buckets = scopes.get(scope);
      if (!buckets) {
        buckets = new Map();
        scopes.set(scope, buckets);
      }
      const bucket = buckets.get(key);
      const d = takeTokens(bucket, now, rule);
      if (bucket) {
        bucket.tokens = d.state.tokens;
        bucket.updatedAt = now;
        bucket.ttlAt = now + d.ttlMs;
      } else {
        buckets.set(key, { tokens: d.state.tokens, updatedAt: now, ttlAt: now + d.ttlMs });
        size++;
      }
      return d.allowed ? 0 : d.retryAfterMs;
    },
  };
}
