import { describe, expect, it } from 'vitest';
import { localLimiter } from './local-limiter.ts';

const rule = { limit: 3, windowMs: 3_000, cost: 1 };

describe('local poll limiter', () => {
  it('allows a bucket full, then says how long to wait, and refills with time', () => {
    const l = localLimiter();
    expect([0, 1, 2].map(() => l.take('s1', 7, rule, 1_000))).toEqual([0, 0, 0]);
    expect(l.take('s1', 7, rule, 1_000)).toBe(1_000);
    expect(l.take('s1', 7, rule, 1_999)).toBeGreaterThan(0); // 1–2 ms: float refill
    expect(l.take('s1', 7, rule, 2_000)).toBe(0);
  });

  it('keeps scopes and keys apart: the same place number in another session is another bucket', () => {
    const l = localLimiter();
    for (let i = 0; i < 3; i++) l.take('s1', 7, rule, 0);
    expect(l.take('s1', 7, rule, 0)).toBeGreaterThan(0);
    expect(l.take('s2', 7, rule, 0)).toBe(0);
    expect(l.take('s1', 8, rule, 0)).toBe(0);
    expect(l.take('ip', '10.0.0.7', rule, 0)).toBe(0);
  });

  it('forgets full buckets when it sweeps, and everyone under a flood of distinct keys', () => {
    const l = localLimiter(100);
    for (let i = 0; i < 3; i++) l.take('s1', 1, rule, 0);
    // After the window the bucket is full again; a sweep drops it and the caller starts fresh.
    expect(l.take('s1', 1, rule, 20_000)).toBe(0);
    for (let k = 0; k < 150; k++) l.take('ip', `10.0.0.${k}`, rule, 20_000);
    for (let i = 0; i < 2; i++) l.take('s1', 1, rule, 20_000);
    // The flood passed the cap: everything was forgotten, so the spent bucket is full again.
    expect(l.take('s1', 1, rule, 20_001)).toBe(0);
  });
});
