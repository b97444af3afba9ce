import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOUNDS_MS,
  BUCKETS,
  bucketIndex,
  emptyBuckets,
  fromSparse,
  observe,
  quantile,
  toSparse,
} from './histogram.ts';

describe('fixed-bucket histogram', () => {
  it('puts a value in the first bucket whose upper bound holds it, and overflow in the last', () => {
    expect(bucketIndex(0)).toBe(0);
    expect(bucketIndex(0.25)).toBe(0);
    expect(bucketIndex(0.26)).toBe(1);
    expect(bucketIndex(10)).toBe(BOUNDS_MS.indexOf(10));
    expect(bucketIndex(60_000)).toBe(BUCKETS - 1);
  });

  it('estimates quantiles inside the bucket that holds the rank, like histogram_quantile', () => {
    const b = emptyBuckets();
    for (let i = 0; i < 100; i++) observe(b, 4); // all in (3, 5]
    expect(quantile(b.counts, 0.5)).toBeCloseTo(4, 5);
    expect(quantile(b.counts, 0.99)).toBeCloseTo(4.98, 5);
    expect(b.count).toBe(100);
    expect(b.sumMs).toBe(400);
  });

  it('answers null for an empty histogram and the largest bound for overflow', () => {
    expect(quantile(new Float64Array(BUCKETS), 0.5)).toBeNull();
    const b = emptyBuckets();
    observe(b, 99_999);
    expect(quantile(b.counts, 0.5)).toBe(BOUNDS_MS.at(-1));
  });

  it('keeps quantiles ordered and within one bucket of the exact value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 9_000, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (values) => {
          const b = emptyBuckets();
          for (const v of values) observe(b, v);
          const [p50, p95, p99] = [0.5, 0.95, 0.99].map((q) => quantile(b.counts, q)!);
          expect(p50).toBeLessThanOrEqual(p95!);
          expect(p95).toBeLessThanOrEqual(p99!);
          const sorted = [...values].sort((x, y) => x - y);
          const exact = sorted[Math.max(0, Math.ceil(0.5 * sorted.length) - 1)]!;
          const i = bucketIndex(exact);
          expect(p50!).toBeGreaterThanOrEqual(i === 0 ? 0 : BOUNDS_MS[i - 1]!);
          expect(p50!).toBeLessThanOrEqual(BOUNDS_MS[i]!);
        },
      ),
    );
  });

  it('round-trips through the sparse wire form and adds into an existing array', () => {
    const b = emptyBuckets();
    for (const v of [0.1, 2, 2, 700, 20_000]) observe(b, v);
    const sparse = toSparse(b.counts);
    expect(sparse).toEqual([0, 1, 3, 2, BOUNDS_MS.indexOf(1000), 1, BUCKETS - 1, 1]);
    expect([...fromSparse(sparse)]).toEqual([...b.counts]);
    expect([...fromSparse(sparse, fromSparse(sparse))]).toEqual([...b.counts].map((c) => c * 2));
    expect([...fromSparse([999, 5, -1, 3])]).toEqual(new Array(BUCKETS).fill(0));
  });
});
