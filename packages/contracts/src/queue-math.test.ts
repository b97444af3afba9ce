import { describe, expect, it } from 'vitest';
import type { QueueStatus, ServingState } from './queue.ts';
import { statusFromServing, waitingFigures } from './queue-math.ts';

const waiting: QueueStatus = {
  state: 'waiting',
  position: 500,
  ahead: 399,
  progress: 0.2,
  etaSeconds: null,
  pollAfterSeconds: 5,
  salesOpenAt: '2026-12-01T10:00:00Z',
  enterBy: null,
  paused: false,
  closedReason: null,
  message: '',
};
const serving = (over: Partial<ServingState> = {}): ServingState => ({
  sessionId: '00000000-0000-4000-8000-000000000001',
  mode: 'scheduled',
  phase: 'open',
  prequeueOpensAt: null,
  salesOpenAt: '2026-12-01T10:00:00Z',
  prequeueSize: 1000,
  serving: 200,
  joined: 1000,
  admissionRatePerMinute: 60,
  outflowPerMinute: 60,
  paused: false,
  engaged: false,
  closedReason: null,
  updatedAt: '2026-12-01T10:05:00Z',
  ...over,
});
const now = Date.parse('2026-12-01T10:05:01Z');

describe('line math shared by server and browser', () => {
  it('gives people ahead, progress and an ETA range from the place and the serving number', () => {
    const f = waitingFigures({ position: 500, serving: 200, ratePerMinute: 60, paused: false, fresh: true });
    expect(f.ahead).toBe(299);
    expect(f.progress).toBeCloseTo(200 / 499, 3);
    expect(f.etaSeconds).toEqual({ min: 255, max: 375 });
    expect(f.pollAfterSeconds).toBe(30);
  });

  it('has no ETA when the line is paused, stopped or the state is stale', () => {
    for (const over of [{ paused: true }, { ratePerMinute: 0 }, { fresh: false }]) {
      const f = waitingFigures({
        position: 500,
        serving: 200,
        ratePerMinute: 60,
        paused: false,
        fresh: true,
        ...over,
      });
      expect(f.etaSeconds).toBeNull();
      expect(f.pollAfterSeconds).toBe(5);
    }
  });

  it('recomputes a waiting status from a newer serving state', () => {
    const s = statusFromServing(waiting, serving(), now)!;
    expect(s.state).toBe('waiting');
    expect(s.position).toBe(500);
    expect(s.ahead).toBe(299);
  });

  it('leaves to the server whatever only it can judge', () => {
    expect(statusFromServing(waiting, serving({ serving: 500 }), now)).toBeNull(); // maybe their turn
    expect(statusFromServing(waiting, serving({ paused: true }), now)).toBeNull();
    expect(statusFromServing(waiting, serving({ closedReason: 'sold-out' }), now)).toBeNull();
    expect(statusFromServing(waiting, serving({ phase: 'prequeue' }), now)).toBeNull();
    expect(statusFromServing({ ...waiting, state: 'prequeue', position: null }, serving(), now)).toBeNull();
  });
});
