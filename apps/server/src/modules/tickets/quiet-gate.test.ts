import { describe, expect, it } from 'vitest';
import { quietGate } from './quiet-gate.ts';

/** Keeps the event loop busy for `share` of every 20 ms until stopped. */
function keepBusy(share: number) {
  const timer = setInterval(() => {
    const until = performance.now() + 20 * share;
    while (performance.now() < until) {
      // busy: a request being answered
    }
  }, 20);
  return () => clearInterval(timer);
}

describe('quiet gate for background work', () => {
  it('lets work through when the event loop is idle, then without waiting while it stays quiet', async () => {
    const gate = quietGate({ busyAbove: 0.5, windowMs: 50, maxWaitMs: 5_000 });
    expect(await gate.whenQuiet()).toBeLessThan(200);
    // A drain after the burst must not pay a window's wait per email.
    expect(await gate.whenQuiet()).toBe(0);
    expect(await gate.whenQuiet()).toBe(0);
    gate.release();
  });

  it('holds work while the event loop is busy and lets it go when it calms down', async () => {
    const gate = quietGate({ busyAbove: 0.5, windowMs: 50, maxWaitMs: 5_000 });
    const stop = keepBusy(0.9);
    let waited = -1;
    const waiting = gate.whenQuiet().then((ms) => {
      waited = ms;
    });
    await new Promise((r) => setTimeout(r, 400));
    expect(waited).toBe(-1);
    stop();
    await waiting;
    expect(waited).toBeGreaterThanOrEqual(350);
    expect(waited).toBeLessThan(2_000);
  });

  it('never holds work longer than maxWaitMs', async () => {
    const gate = quietGate({ busyAbove: 0.5, windowMs: 50, maxWaitMs: 300 });
    const stop = keepBusy(0.9);
    try {
      const waited = await gate.whenQuiet();
      expect(waited).toBeGreaterThanOrEqual(300);
      expect(waited).toBeLessThan(1_500);
    } finally {
      stop();
    }
  });

  it('lets every waiter go on release', async () => {
    const gate = quietGate({ busyAbove: 0.5, windowMs: 50, maxWaitMs: 60_000 });
    const stop = keepBusy(0.9);
    try {
      const waiting = Promise.all([gate.whenQuiet(), gate.whenQuiet()]);
      await new Promise((r) => setTimeout(r, 100));
      gate.release();
      expect((await waiting).every((ms) => ms < 1_000)).toBe(true);
    } finally {
      stop();
    }
  });
});
