import { describe, expect, it } from 'vitest';
import { countdownPhase, formatCountdown, remainingMs, spokenCountdown } from './countdown.ts';

describe('hold countdown', () => {
  it('formats minutes and seconds, rounding up', () => {
    expect(formatCountdown(600_000)).toBe('10:00');
    expect(formatCountdown(599_001)).toBe('10:00');
    expect(formatCountdown(599_000)).toBe('9:59');
    expect(formatCountdown(7_000)).toBe('0:07');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5_000)).toBe('0:00');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
  });

  it('warns in the last minute and ends at zero', () => {
    expect(countdownPhase(61_000)).toBe('running');
    expect(countdownPhase(60_000)).toBe('warning');
    expect(countdownPhase(1)).toBe('warning');
    expect(countdownPhase(0)).toBe('expired');
  });

  it('says the time in words for screen readers', () => {
    expect(spokenCountdown(245_000)).toBe('4 minutes 5 seconds');
    expect(spokenCountdown(60_000)).toBe('1 minute');
    expect(spokenCountdown(1_000)).toBe('1 second');
    expect(spokenCountdown(0)).toBe('0 seconds');
  });

  it('counts the time left until the expiry, never below zero', () => {
    const now = Date.parse('2026-01-01T10:00:00Z');
    expect(remainingMs('2026-01-01T10:05:00Z', now)).toBe(300_000);
    expect(remainingMs('2026-01-01T09:59:00Z', now)).toBe(0);
  });
});
