import { describe, expect, it } from 'vitest';
import { takeTokens } from './token-bucket.ts';

const rule = { limit: 4, windowMs: 1_000, cost: 1 };

describe('token bucket', () => {
  it('starts full when there is no state yet', () => {
    const d = takeTokens(undefined, 0, rule);
    expect(d).toMatchObject({ allowed: true, remaining: 3, retryAfterMs: 0 });
  });

  it('refills continuously at limit per window, never above the limit', () => {
    const empty = { tokens: 0, updatedAt: 0 };
    expect(takeTokens(empty, 250, rule)).toMatchObject({ allowed: true, remaining: 0 });
    expect(takeTokens(empty, 100_000, rule)).toMatchObject({ allowed: true, remaining: 3 });
  });

  it('tells a denied caller exactly how long until enough tokens are back', () => {
    const d = takeTokens({ tokens: 0.5, updatedAt: 0 }, 0, { ...rule, cost: 2 });
    expect(d).toMatchObject({ allowed: false, remaining: 0, retryAfterMs: 375 });
    expect(d.state.tokens).toBe(0.5);
    expect(takeTokens(d.state, 375, { ...rule, cost: 2 }).allowed).toBe(true);
  });

  it('forgets the bucket only once it would be full again', () => {
    expect(takeTokens({ tokens: 0, updatedAt: 0 }, 0, rule).ttlMs).toBe(1_000);
    expect(takeTokens(undefined, 0, rule).ttlMs).toBe(250);
  });

  it('does not let time running backwards drain the bucket', () => {
    const d = takeTokens({ tokens: 2, updatedAt: 1_000 }, 500, rule);
    expect(d).toMatchObject({ allowed: true, remaining: 1 });
  });
});
