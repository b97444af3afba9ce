import { describe, expect, it } from 'vitest';
import { type BucketState, takeTokens } from '../../coord/token-bucket.ts';
import { giveBackToSlot, takeFromSlot } from './slot-buckets.ts';

describe('token buckets in a Float64Array', () => {
  it('decides exactly as takeTokens over long random runs, refusals included', () => {
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    for (const rule of [
      { limit: 3, windowMs: 3_000, cost: 1 },
      { limit: 60, windowMs: 60_000, cost: 1 },
      { limit: 6_000, windowMs: 60_000, cost: 1 },
      { limit: 10, windowMs: 1_000, cost: 3 },
    ]) {
      const slots = new Float64Array(4);
      let state: BucketState | undefined;
      let now = 1_790_000_000_000;
      for (let step = 0; step < 5_000; step++) {
        now += Math.floor(random() * random() * 3 * (rule.windowMs / rule.limit));
        const expected = takeTokens(state, now, rule);
        expect(takeFromSlot(slots, 2, now, rule)).toBe(expected.allowed ? 0 : expected.retryAfterMs);
        state = expected.state;
      }
      expect([slots[0], slots[1]]).toEqual([0, 0]); // neighbours untouched
    }
  });

  it('treats a slot never taken from as full', () => {
    const slots = new Float64Array(2);
    const rule = { limit: 2, windowMs: 2_000, cost: 1 };
    expect([1, 2, 3].map(() => takeFromSlot(slots, 0, 5_000, rule))).toEqual([0, 0, 1_000]);
    expect(takeFromSlot(slots, 0, 6_000, rule)).toBe(0);
  });

  it('takes back what it gave back, up to the limit, and leaves a bucket never taken from full', () => {
    const slots = new Float64Array(2);
    const rule = { limit: 2, windowMs: 2_000, cost: 1 };
    giveBackToSlot(slots, 0, rule);
    expect([slots[0], slots[1]]).toEqual([0, 0]);
    expect([1, 2].map(() => takeFromSlot(slots, 0, 5_000, rule))).toEqual([0, 0]);
    giveBackToSlot(slots, 0, rule);
    expect(takeFromSlot(slots, 0, 5_000, rule)).toBe(0);
    expect(takeFromSlot(slots, 0, 5_000, rule)).toBe(1_000);
    for (let i = 0; i < 5; i++) giveBackToSlot(slots, 0, rule);
    expect(slots[0]).toBe(2);
  });
});
