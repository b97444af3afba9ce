import { describe, expect, it } from 'vitest';
import { demand, salesLabel, seatsLeft } from './availability.ts';
import { datePresets } from './datePresets.ts';

describe('availability labels', () => {
  it('says nothing while plenty is left, then warns, then says sold out', () => {
    expect(demand({ available: 240, capacity: 240 }).label).toBeNull();
    expect(demand({ available: 60, capacity: 240 }).label).toBe('Selling fast');
    expect(demand({ available: 8, capacity: 240 }).label).toBe('Almost sold out');
    expect(demand({ available: 0, capacity: 240 }).label).toBe('Sold out');
  });

  it('calls a big venue with a few hundred seats left almost sold out, not a small one with ten', () => {
    expect(demand({ available: 500, capacity: 81_862 }).label).toBe('Almost sold out');
    expect(demand({ available: 11, capacity: 12 }).label).toBeNull();
  });

  it('gives the opening time of a sale that has not started, at the venue', () => {
    const label = salesLabel({
      salesState: 'not-yet',
      salesOpenAt: '2026-12-01T09:00:00.000Z',
      venue: { timezone: 'Europe/Lisbon' },
    }).label;
    // Lisbon is on UTC in winter; the locale decides the order of day and month.
    expect(label).toMatch(/^On sale from Tue.*(1 Dec|Dec 1).*09:00/);
  });

  it('counts seats left with thousands separators', () => {
    expect(seatsLeft({ available: 81_862, capacity: 81_862 })).toMatch(/^81.862 of 81.862 seats left$/);
    expect(seatsLeft({ available: 0, capacity: 10 })).toBe('No seats left');
  });
});

describe('date presets', () => {
  const weekend = (now: Date) => datePresets(now).find((p) => p.label === 'Weekend')!;

  it('takes this weekend from Friday to Sunday, from today once it has begun', () => {
    expect(weekend(new Date(2026, 10, 24))).toMatchObject({ from: '2026-11-27', to: '2026-11-29' }); // Tuesday
    expect(weekend(new Date(2026, 10, 28))).toMatchObject({ from: '2026-11-28', to: '2026-11-29' }); // Saturday
    expect(weekend(new Date(2026, 10, 29))).toMatchObject({ from: '2026-11-29', to: '2026-11-29' }); // Sunday
  });
});
