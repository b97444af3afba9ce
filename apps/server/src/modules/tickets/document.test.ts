import { describe, expect, it } from 'vitest';
import { formatMoney, orderNumber, venueDateTime } from './document.ts';

describe('ticket document formatting', () => {
  it('shows the session in the venue’s time zone, not the server’s', () => {
    const at = new Date('2026-03-14T19:30:00Z');
    expect(venueDateTime(at, 'Europe/Paris')).toMatchObject({
      date: 'Saturday 14 March 2026',
      time: '20:30',
      zone: 'CET',
    });
    expect(venueDateTime(at, 'Asia/Tokyo')).toMatchObject({ date: 'Sunday 15 March 2026', time: '04:30' });
    expect(venueDateTime(new Date('2026-07-01T18:00:00Z'), 'Europe/London').text).toBe(
      'Wednesday 1 July 2026, 19:00 (BST)',
    );
  });

  it('formats prices in the order’s currency and a short order number', () => {
    expect(formatMoney(2000, 'EUR')).toBe('€20.00');
    expect(formatMoney(123456, 'GBP')).toBe('£1,234.56');
    expect(orderNumber('3f2a9c1b-0000-4000-8000-000000000000')).toBe('3F2A9C1B');
  });
});
