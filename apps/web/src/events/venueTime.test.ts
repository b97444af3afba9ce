import { describe, expect, it } from 'vitest';
import { formatTime, groupByVenueDay, timeForViewer, venueDay } from './venueTime.ts';

const session = (startsAt: string, timezone: string) => ({ startsAt, venue: { timezone } });

describe('venue time', () => {
  it('shows a start time as the clock reads at the venue', () => {
    expect(formatTime('2026-12-15T19:30:00.000Z', 'Europe/Lisbon')).toMatch(/^(19:30|07:30\sPM)$/);
    expect(formatTime('2026-12-15T19:30:00.000Z', 'Europe/Berlin')).toMatch(/^(20:30|08:30\sPM)$/);
  });

  it('groups a late show under the day it starts at the venue, not in UTC', () => {
    // 23:30 UTC on the 5th is 00:30 on the 6th in Berlin.
    expect(venueDay('2026-12-05T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-12-06');
    const groups = groupByVenueDay([
      session('2026-12-05T23:30:00.000Z', 'Europe/Berlin'),
      session('2026-12-05T20:00:00.000Z', 'Europe/London'),
      session('2026-12-06T18:00:00.000Z', 'Europe/London'),
    ]);
    expect(groups.map((g) => [g.day, g.sessions.length])).toEqual([
      ['2026-12-05', 1],
      ['2026-12-06', 2],
    ]);
    expect(groups[1]!.sessions[0]!.startsAt).toBe('2026-12-05T23:30:00.000Z');
  });

  it('tells a viewer in another zone their own time, and stays quiet in the same zone', () => {
    expect(timeForViewer('2026-12-15T19:00:00.000Z', 'Europe/Lisbon', 'Europe/Lisbon')).toBeNull();
    expect(timeForViewer('2026-12-15T19:00:00.000Z', 'Europe/Lisbon', 'America/New_York')).toMatch(
      /^(14:00|02:00\sPM)$/,
    );
    // 23:30 in Lisbon is already Wednesday in Berlin.
    expect(timeForViewer('2026-12-15T23:30:00.000Z', 'Europe/Lisbon', 'Europe/Berlin')).toMatch(/^Wed/);
  });
});
