import { describe, expect, it } from 'vitest';
import { cardOutcome, formatCardNumber, isWellFormedCardNumber, normalizeCardNumber } from './cards.ts';
import { backoffMs, DEFAULT_RETRY } from './delivery.ts';

describe('test cards', () => {
  it('maps each test card, ignoring spaces, and calls anything else unknown', () => {
    const outcome = (n: string) => cardOutcome(normalizeCardNumber(n));
    expect(outcome('4242 4242 4242 4242')).toEqual({ kind: 'succeeded' });
    expect(outcome('4000 0000 0000 0002')).toEqual({ kind: 'failed', failureReason: 'card_declined' });
    expect(outcome('4000000000009995')).toEqual({ kind: 'failed', failureReason: 'insufficient_funds' });
    expect(outcome(' 4000 0000 0000 3220 ')).toEqual({ kind: 'requires_action' });
    expect(outcome('4111111111111111')).toEqual({ kind: 'unknown_card' });
  });

  it('accepts 12 to 19 digits only', () => {
    expect(isWellFormedCardNumber('1'.repeat(12))).toBe(true);
    expect(isWellFormedCardNumber('1'.repeat(19))).toBe(true);
    for (const bad of ['1'.repeat(11), '1'.repeat(20), '4242-4242-4242-4242', ''])
      expect(isWellFormedCardNumber(bad), bad).toBe(false);
    expect(formatCardNumber('4242424242424242')).toBe('4242 4242 4242 4242');
  });
});

describe('webhook retry backoff', () => {
  it('doubles from 1 s and stops growing at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, DEFAULT_RETRY))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffMs(30, DEFAULT_RETRY)).toBe(DEFAULT_RETRY.maxMs);
  });
});
