import { describe, expect, it } from 'vitest';
import { addHoursToWallTime, newSessionValues, sessionBody } from './sessionValues.ts';

const venueId = '11111111-1111-4111-8111-111111111111';
const layoutId = '22222222-2222-4222-8222-222222222222';

function filled() {
  return {
    ...newSessionValues(venueId, layoutId),
    startsAt: '2026-12-10T20:00',
    endsAt: '2026-12-10T22:30',
    salesOpenAt: '2026-11-01T10:00',
  };
}

describe('session form values', () => {
  it('sends times as the venue’s wall clock with its offset, and the defaults', () => {
    const { body } = sessionBody(filled(), 'Europe/Madrid');
    expect(body).toMatchObject({
      startsAt: '2026-12-10T20:00:00+01:00',
      endsAt: '2026-12-10T22:30:00+01:00',
      salesOpenAt: '2026-11-01T10:00:00+01:00',
      holdMinutes: 10,
      maxTicketsPerOrder: 10,
      cancelCutoffHours: 24,
      queueMode: 'off',
      queueSettings: {},
    });
    expect(body).not.toHaveProperty('salesCloseAt');
  });

  it('names the fields that are missing or out of range, queue settings included', () => {
    const values = { ...filled(), startsAt: '', holdMinutes: '90', queueMode: 'scheduled' as const };
    values.outflowPerMinute = 'lots';
    const { errors } = sessionBody(values, 'UTC');
    expect(errors).toMatchObject({
      startsAt: 'Enter a date and time',
      holdMinutes: 'Hold time is 1–60 minutes',
      outflowPerMinute: 'Enter a whole number',
    });
    const { errors: tooLong } = sessionBody(
      { ...filled(), queueMode: 'scheduled', shoppingMinutes: '500' },
      'UTC',
    );
    expect(tooLong?.shoppingMinutes).toBeDefined();
  });

  it('sends queue settings only when a waiting room is on', () => {
    const { body } = sessionBody(
      { ...filled(), queueMode: 'auto', maxActiveShoppers: '500', shoppingMinutes: '8' },
      'UTC',
    );
    expect(body?.queueSettings).toEqual({
      prequeueMinutes: 30,
      outflowPerMinute: 300,
      maxActiveShoppers: 500,
      noShowMinutes: 5,
      shoppingMinutes: 8,
    });
  });

  it('suggests an end time two hours after the start, across midnight', () => {
    expect(addHoursToWallTime('2026-12-31T23:00', 2)).toBe('2027-01-01T01:00');
  });
});
