import { describe, expect, it } from 'vitest';
import { autoBucket, bucketFits, fromLocalInput, presetRange, toLocalInput } from './timeRange.ts';

describe('registrations time range', () => {
  it('ends a preset at the next whole minute, so the range is stable within a minute', () => {
    const now = Date.UTC(2026, 0, 1, 12, 30, 15);
    const a = presetRange(3_600_000, now);
    expect(a).toEqual({ from: '2026-01-01T11:31:00.000Z', to: '2026-01-01T12:31:00.000Z' });
    expect(presetRange(3_600_000, now + 40_000)).toEqual(a);
  });

  it('picks a bucket that keeps a few hundred bars at most, and refuses too many points', () => {
    expect(autoBucket(3_600_000)).toBe('minute');
    expect(autoBucket(86_400_000)).toBe('hour');
    expect(autoBucket(30 * 86_400_000)).toBe('day');
    expect(bucketFits('minute', 86_400_000)).toBe(true);
    expect(bucketFits('minute', 2 * 86_400_000)).toBe(false);
  });

  it('round-trips a datetime-local value in local time', () => {
    const iso = fromLocalInput('2026-03-04T05:06')!;
    expect(toLocalInput(iso)).toBe('2026-03-04T05:06');
    expect(fromLocalInput('nonsense')).toBeNull();
  });
});
