/**
 * Fixed-bucket latency histograms: the one structure behind both `/metrics` (cumulative buckets,
 * as Prometheus expects) and the dashboard's per-minute percentiles. Recording is a short bucket
 * scan and three additions on preallocated arrays: no allocation, no label hashing.
 *
 * Pure: no framework, clock or I/O.
 */

/** Upper bounds in milliseconds. Fine below 10 ms (most API answers), coarse above 1 s. */
export const BOUNDS_MS: readonly number[] = [
  0.25, 0.5, 1, 2, 3, 5, 7.5, 10, 15, 25, 40, 60, 100, 150, 250, 400, 600, 1000, 1500, 2500, 5000, 10000,
];
/** Counters per histogram: one per bound plus the overflow (+Inf) bucket. */
export const BUCKETS = BOUNDS_MS.length + 1;

/** Index of the first bucket whose upper bound holds `ms` (the last one, +Inf, holds everything). */
export function bucketIndex(ms: number): number {
  // A linear scan: almost every observation lands in the first few buckets.
  let i = 0;
  while (i < BOUNDS_MS.length && ms > BOUNDS_MS[i]!) i++;
  return i;
}

/** Counts per bucket (not cumulative), their sum in ms and their total. */
export type Buckets = { counts: Float64Array; sumMs: number; count: number };

export const emptyBuckets = (): Buckets => ({ counts: new Float64Array(BUCKETS), sumMs: 0, count: 0 });

export function observe(b: Buckets, ms: number): void {
  b.counts[bucketIndex(ms)]!++;
  b.sumMs += ms;
  b.count++;
}

export function addInto(target: Buckets, source: Buckets): void {
  for (let i = 0; i < BUCKETS; i++) target.counts[i]! += source.counts[i]!;
  target.sumMs += source.sumMs;
  target.count += source.count;
}

/**
 * The q-quantile (0 < q < 1) estimated like Prometheus's histogram_quantile: find the bucket that
 * holds the rank and interpolate linearly inside it. Observations in the overflow bucket are
 * reported as the largest finite bound (we cannot know how far above it they were). null when empty.
 */
export function quantile(counts: ArrayLike<number>, q: number): number | null {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (c > 0 && seen + c >= rank) {
      if (i >= BOUNDS_MS.length) return BOUNDS_MS[BOUNDS_MS.length - 1]!;
      const lower = i === 0 ? 0 : BOUNDS_MS[i - 1]!;
      const upper = BOUNDS_MS[i]!;
      return lower + (upper - lower) * ((rank - seen) / c);
    }
    seen += c;
  }
  return BOUNDS_MS[BOUNDS_MS.length - 1]!;
}

/** Sparse form for the wire: [index, count, index, count, …] of the non-empty buckets. */
export function toSparse(counts: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) out.push(i, counts[i]!);
  return out;
}

export function fromSparse(sparse: readonly number[], into?: Float64Array): Float64Array {
  const target = into ?? new Float64Array(BUCKETS);
  for (let i = 0; i + 1 < sparse.length; i += 2) {
    const index = sparse[i]!;
    if (Number.isInteger(index) && index >= 0 && index < BUCKETS) target[index]! += sparse[i + 1]!;
  }
  return target;
}
