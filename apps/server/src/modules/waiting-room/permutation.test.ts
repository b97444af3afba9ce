import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedPermutation, keysFromDigest } from './permutation.ts';

const keysFor = (seed: string) => keysFromDigest(createHash('sha256').update(seed).digest());

describe('keyed permutation (pre-queue draw)', () => {
  it('maps [0, n) onto itself with no two people sharing a place and nobody lost', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), fc.string(), (n, seed) => {
        const p = keyedPermutation(n, keysFor(seed));
        const seen = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const j = p.apply(i);
          if (!(j >= 0 && j < n) || seen[j] !== 0) return false;
          seen[j] = 1;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('is a permutation at a million places too', () => {
    const n = 1_000_003;
    const p = keyedPermutation(n, keysFor('big'));
    const seen = new Uint8Array(n);
    for (let i = 0; i < n; i++) seen[p.apply(i)]! += 1;
    expect(seen.every((v) => v === 1)).toBe(true);
  });

  it('gives the same place for the same key and size (every process agrees)', () => {
    const a = keyedPermutation(1000, keysFor('k'));
    const b = keyedPermutation(1000, keysFor('k'));
    for (let i = 0; i < 1000; i++) expect(a.apply(i)).toBe(b.apply(i));
  });

  it('draws places uniformly: chi-square over many keys stays within the 99.9% bound', () => {
    // Where does join number 0 (the first to arrive) land, over 20,000 draws? If early arrival
    // gave an edge, the low buckets would be over-full.
    const n = 1_000;
    const buckets = 20;
    const draws = 20_000;
    for (const who of [0, 1, 500, 999]) {
      const counts = new Array<number>(buckets).fill(0);
      for (let d = 0; d < draws; d++) {
        const place = keyedPermutation(n, keysFor(`draw-${d}`)).apply(who);
        counts[Math.floor((place * buckets) / n)]! += 1;
      }
      const expected = draws / buckets;
      const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
      // 19 degrees of freedom: P(χ² > 43.82) = 0.001.
      expect(chi2, `join number ${who}: ${counts.join(',')}`).toBeLessThan(43.82);
    }
  });

  it('does not keep arrival order: neighbours in arrival are not neighbours in line', () => {
    const n = 10_000;
    const p = keyedPermutation(n, keysFor('order'));
    // Spearman-style check: correlation between arrival and place is near zero.
    let sum = 0;
    const mean = (n - 1) / 2;
    let varSum = 0;
    for (let i = 0; i < n; i++) {
      sum += (i - mean) * (p.apply(i) - mean);
      varSum += (i - mean) ** 2;
    }
    expect(Math.abs(sum / varSum)).toBeLessThan(0.05);
  });

  it('refuses indexes outside the domain', () => {
    const p = keyedPermutation(10, keysFor('x'));
    expect(() => p.apply(10)).toThrow(RangeError);
    expect(() => p.apply(-1)).toThrow(RangeError);
    expect(() => p.apply(1.5)).toThrow(RangeError);
  });
});
