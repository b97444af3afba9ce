import { describe, expect, it } from 'vitest';
import { sessionMonitorStatus } from './session-status.ts';

const NOW = Date.UTC(2026, 5, 1, 12);
const H = 3_600_000;
const base = {
  eventStatus: 'published' as const,
  sessionStatus: 'published' as const,
  salesOpenAt: NOW - H,
  salesCloseAt: NOW + 10 * H,
  endsAt: NOW + 12 * H,
  capacity: 100,
  sold: 10,
  held: 5,
};

describe('session status for admins', () => {
  it('is on sale inside the sales window with seats left', () => {
    expect(sessionMonitorStatus(base, NOW)).toBe('on_sale');
  });
  it('is sold out when sold and held seats fill the capacity', () => {
    expect(sessionMonitorStatus({ ...base, sold: 95, held: 5 }, NOW)).toBe('sold_out');
  });
  it('follows the clock: scheduled, sales closed, past', () => {
    expect(sessionMonitorStatus(base, NOW - 2 * H)).toBe('scheduled');
    expect(sessionMonitorStatus(base, NOW + 11 * H)).toBe('sales_closed');
    expect(sessionMonitorStatus(base, NOW + 12 * H)).toBe('past');
  });
  it('puts cancellation first, then draft, whatever the clock or stock', () => {
    expect(sessionMonitorStatus({ ...base, eventStatus: 'cancelled', sold: 100 }, NOW + 20 * H)).toBe(
      'cancelled',
    );
    expect(sessionMonitorStatus({ ...base, sessionStatus: 'cancelled' }, NOW)).toBe('cancelled');
    expect(sessionMonitorStatus({ ...base, sessionStatus: 'draft' }, NOW + 20 * H)).toBe('draft');
    expect(sessionMonitorStatus({ ...base, eventStatus: 'ended' }, NOW)).toBe('past');
  });
});
