import { describe, expect, it } from 'vitest';
import { isoToWallTime, toZonedIso, wallTimeToIso, zoneOffsetMinutes } from './zonedTime.ts';

describe('venue wall-clock times', () => {
  it('reads a datetime-local value as the venue’s local time, with its offset for that date', () => {
    expect(wallTimeToIso('2026-12-10T20:00', 'Europe/Lisbon')).toBe('2026-12-10T20:00:00+00:00');
    expect(wallTimeToIso('2026-07-10T20:00', 'Europe/Lisbon')).toBe('2026-07-10T20:00:00+01:00');
    expect(wallTimeToIso('2026-07-10T20:00', 'America/New_York')).toBe('2026-07-10T20:00:00-04:00');
    expect(wallTimeToIso('2026-01-10T09:30', 'Asia/Kolkata')).toBe('2026-01-10T09:30:00+05:30');
  });

  it('names the same instant whatever zone the admin’s own browser is in', () => {
    const iso = wallTimeToIso('2026-07-10T20:00', 'Europe/Berlin')!;
    expect(new Date(iso).toISOString()).toBe('2026-07-10T18:00:00.000Z');
  });

  it('moves a time skipped by the spring clock change forward by the gap', () => {
    // Europe/Paris jumps from 02:00 to 03:00 on 29 March 2026.
    expect(wallTimeToIso('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('round-trips an instant through the input value', () => {
    const iso = '2026-12-10T19:00:00.000Z';
    expect(isoToWallTime(iso, 'Europe/Madrid')).toBe('2026-12-10T20:00');
    expect(wallTimeToIso(isoToWallTime(iso, 'Europe/Madrid'), 'Europe/Madrid')).toBe(
      '2026-12-10T20:00:00+01:00',
    );
  });

  it('rejects text that is not a datetime-local value', () => {
    expect(wallTimeToIso('', 'UTC')).toBeNull();
    expect(wallTimeToIso('10/12/2026 20:00', 'UTC')).toBeNull();
  });

  it('knows offsets and writes them as ±hh:mm', () => {
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 1), 'UTC')).toBe(0);
    expect(toZonedIso(Date.UTC(2026, 0, 1, 12), 'America/St_Johns')).toBe('2026-01-01T08:30:00-03:30');
  });
});
