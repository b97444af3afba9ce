import { describe, expect, it } from 'vitest';
import { notOpenDelayMs, pollDelayMs, retryDelayMs } from './pollSchedule.ts';

describe('poll scheduling', () => {
  it('waits what the server asked, plus 0–20% jitter, never less', () => {
    expect(pollDelayMs(5, 0)).toBe(5000);
    expect(pollDelayMs(5, 0.5)).toBe(5500);
    expect(pollDelayMs(5, 0.999_999)).toBe(6000);
    for (let i = 0; i < 1000; i++) {
      const d = pollDelayMs(10, Math.random());
      expect(d).toBeGreaterThanOrEqual(10_000);
      expect(d).toBeLessThanOrEqual(12_000);
    }
  });

  it('spreads a crowd polling at the same interval evenly over the jitter window', () => {
    // 2,000 pages whose random draws are evenly spread: each tenth of the 2 s window gets a tenth.
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 2000; i++) {
      const d = pollDelayMs(10, i / 2000);
      counts[Math.min(9, Math.floor((d - 10_000) / 200))]! += 1;
    }
    for (const c of counts) expect(c).toBeGreaterThanOrEqual(199);
    for (const c of counts) expect(c).toBeLessThanOrEqual(201);
  });

  it('never polls faster than once a second, whatever the answer says', () => {
    expect(pollDelayMs(0, 0)).toBe(1000);
    expect(pollDelayMs(-3, 0)).toBe(1000);
    expect(pollDelayMs(Number.NaN, 0)).toBe(5000);
  });

  it('keeps out-of-range random values inside the jitter window', () => {
    expect(pollDelayMs(5, 7)).toBe(6000);
    expect(pollDelayMs(5, -1)).toBe(5000);
  });

  it('backs off 2, 4, 8… seconds after failures, up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => retryDelayMs(n, undefined, 0))).toEqual([
      2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('never retries before Retry-After', () => {
    expect(retryDelayMs(1, 30, 0)).toBe(30_000);
    expect(retryDelayMs(1, 30, 0.5)).toBe(33_000);
    expect(retryDelayMs(6, 5, 0)).toBe(60_000);
  });

  it('joins again within 3 s after the pre-queue opens, and checks at least every 5 minutes', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(notOpenDelayMs('2026-12-01T10:00:20Z', now, 0)).toBe(20_000);
    expect(notOpenDelayMs('2026-12-01T10:00:20Z', now, 0.5)).toBe(21_500);
    expect(notOpenDelayMs('2026-12-01T09:59:00Z', now, 0)).toBe(0);
    expect(notOpenDelayMs('2026-12-01T12:00:00Z', now, 0)).toBe(300_000);
    expect(notOpenDelayMs(null, now, 0)).toBe(30_000);
  });
});
