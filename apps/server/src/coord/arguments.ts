import type { RateLimitOptions } from './port.ts';

/**
 * Argument checks shared by both adapters, so a bad call fails the same way in a unit test on
 * memory as in production on Redis (which would otherwise answer with its own error, or not at all).
 */

export function checkTtl(ttlMs: number): number {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlMs must be a positive integer of milliseconds, got ${ttlMs}`);
  }
  return ttlMs;
}

export function checkIncrement(by: number): number {
  if (!Number.isSafeInteger(by)) throw new RangeError(`incr needs an integer, got ${by}`);
  return by;
}

export function checkRateLimit(opts: RateLimitOptions): Required<RateLimitOptions> {
  const { limit, windowMs, cost = 1 } = opts;
  if (!Number.isSafeInteger(limit) || limit <= 0) throw new RangeError(`limit must be a positive integer`);
  if (!Number.isSafeInteger(windowMs) || windowMs <= 0) {
    throw new RangeError(`windowMs must be a positive integer`);
  }
  // A cost above the capacity could never be allowed: that is a bug in the caller, not a denial.
  if (!Number.isSafeInteger(cost) || cost <= 0 || cost > limit) {
    throw new RangeError(`cost must be an integer between 1 and limit (${limit}), got ${cost}`);
  }
  return { limit, windowMs, cost };
}

/** Counters are stored as decimal strings (as in Redis); anything else there is a misuse of the key. */
export function parseCounter(raw: string | null, key: string): number {
  if (raw === null) return 0;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new TypeError(`key "${key}" does not hold a counter`);
  return n;
}
