import type { QueueStatus } from '@ticketing/contracts';
import { describe, expect, it } from 'vitest';
import { MIN_GAP_MS, nextAnnouncement } from './announce.ts';

const s = (over: Partial<QueueStatus>): QueueStatus => ({
  state: 'waiting',
  position: 50,
  ahead: 49,
  progress: 0.5,
  etaSeconds: { min: 240, max: 420 },
  pollAfterSeconds: 5,
  salesOpenAt: '2026-12-01T10:00:00Z',
  enterBy: null,
  paused: false,
  closedReason: null,
  message: 'Sold out',
  ...over,
});

describe('what screen readers hear', () => {
  it('says the place, the people ahead and the wait', () => {
    expect(nextAnnouncement(null, s({}), 0)?.text).toBe(
      'You are number 50 in line. 49 people are ahead of you. Estimated wait 4–7 minutes.',
    );
  });

  it('says a new place at most every 30 seconds', () => {
    const first = nextAnnouncement(null, s({}), 0)!;
    expect(nextAnnouncement(first, s({ position: 40, ahead: 39 }), MIN_GAP_MS - 1)).toBeNull();
    expect(nextAnnouncement(first, s({ position: 40, ahead: 39 }), MIN_GAP_MS)?.position).toBe(40);
    expect(nextAnnouncement(first, s({}), MIN_GAP_MS * 5)).toBeNull();
  });

  it('says a change of state at once', () => {
    const first = nextAnnouncement(null, s({ state: 'prequeue', position: null }), 0)!;
    expect(first.text).toMatch(/drawn at random/);
    expect(nextAnnouncement(first, s({}), 1)?.text).toMatch(/number 50/);
    const waiting = nextAnnouncement(null, s({}), 0)!;
    expect(nextAnnouncement(waiting, s({ state: 'admitted' }), 1)?.text).toMatch(/your turn/);
    expect(nextAnnouncement(waiting, s({ state: 'closed' }), 1)?.text).toBe('Sold out');
  });
});
