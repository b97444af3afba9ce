import type { Problem, QueueJoinResponse, QueueStatus, ServingState } from '@ticketing/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { type LoopDeps, type LoopEvent, runQueueLoop } from './queueLoop.ts';
import type { StoredPlace } from './storage.ts';

const status = (over: Partial<QueueStatus> = {}): QueueStatus => ({
  state: 'waiting',
  position: 10,
  ahead: 9,
  progress: 0.1,
  etaSeconds: { min: 60, max: 120 },
  pollAfterSeconds: 5,
  salesOpenAt: '2026-12-01T10:00:00Z',
  enterBy: null,
  paused: false,
  closedReason: null,
  message: '',
  ...over,
});

const problem = (status: number, code: string, extra: Record<string, unknown> = {}, retryAfter?: number) => {
  const p: Problem = { type: 'about:blank', title: code, status, code, detail: code };
  return new ApiError(p, retryAfter, { ...p, ...extra });
};

type Step = QueueStatus | QueueJoinResponse | ApiError;

/**
 * Deps whose join and status answer from scripts, in order; sleep records the delay and aborts
 * the loop once the scripts are used up (the test's "end of time").
 */
function harness(opts: {
  place?: StoredPlace | null;
  joins?: Step[];
  statuses?: Step[];
  servings?: ServingState[];
}) {
  const abort = new AbortController();
  const events: LoopEvent[] = [];
  const delays: number[] = [];
  const tokensAsked: string[] = [];
  const joins = [...(opts.joins ?? [])];
  const statuses = [...(opts.statuses ?? [])];
  const servings = opts.servings ? [...opts.servings] : null;
  let servingAsked = 0;
  let saved: StoredPlace | null = opts.place ?? null;
  const next = async <T>(list: Step[]): Promise<T> => {
    const step = list.shift();
    if (!step) throw new Error('script exhausted');
    if (step instanceof ApiError) throw step;
    return step as T;
  };
  const deps: LoopDeps = {
    accountId: 'ada',
    join: () => next<QueueJoinResponse>(joins),
    status: (token) => {
      tokensAsked.push(token);
      return next<QueueStatus>(statuses);
    },
    ...(servings
      ? {
          serving: async () => {
            servingAsked += 1;
            const next = servings.shift();
            if (!next) throw new Error('no more serving states');
            return next;
          },
        }
      : {}),
    loadPlace: () => saved,
    savePlace: (p) => {
      saved = p;
    },
    sleep: async (ms) => {
      delays.push(ms);
      if (joins.length === 0 && statuses.length === 0 && !servings?.length) abort.abort();
    },
    random: () => 0.5,
    now: () => Date.parse('2026-12-01T09:59:00Z'),
    emit: (e) => events.push(e),
  };
  return {
    run: () => runQueueLoop(deps, abort.signal),
    events,
    delays,
    tokensAsked,
    saved: () => saved,
    servingAsked: () => servingAsked,
  };
}

const servingState = (serving: number, over: Partial<ServingState> = {}): ServingState => ({
  sessionId: '00000000-0000-4000-8000-000000000001',
  mode: 'scheduled',
  phase: 'open',
  prequeueOpensAt: null,
  salesOpenAt: '2026-12-01T09:00:00Z',
  prequeueSize: 100,
  serving,
  joined: 100,
  admissionRatePerMinute: 60,
  outflowPerMinute: 60,
  paused: false,
  engaged: false,
  closedReason: null,
  updatedAt: '2026-12-01T09:58:59Z',
  ...over,
});

const joined = (token: string, s: QueueStatus, fresh = true): QueueJoinResponse => ({
  token,
  joinNumber: 42,
  fresh,
  status: s,
});

describe('the waiting-room loop', () => {
  it('joins, stores the place, then polls at the pace the server sets until admitted', async () => {
    const h = harness({
      joins: [joined('tok-1', status({ state: 'prequeue', position: null, pollAfterSeconds: 10 }))],
      statuses: [
        status({ pollAfterSeconds: 4 }),
        status({ state: 'admitted', enterBy: '2026-12-01T10:05:00Z' }),
      ],
    });
    await h.run();
    expect(h.saved()).toEqual({ token: 'tok-1', joinNumber: 42, accountId: 'ada' });
    expect(h.tokensAsked).toEqual(['tok-1', 'tok-1']);
    // 10 s then 4 s, each with the 10% jitter that random() = 0.5 gives; none after admission.
    expect(h.delays).toEqual([11_000, 4400]);
    expect(h.events.map((e) => (e.kind === 'status' ? e.status.state : e.kind))).toEqual([
      'prequeue',
      'waiting',
      'admitted',
    ]);
  });

  it('follows a known place from the cacheable serving state, and asks the server when its turn may have come', async () => {
    const h = harness({
      place: { token: 'tok', joinNumber: 7, accountId: 'ada' },
      statuses: [
        status({ position: 10, ahead: 9 }),
        status({ state: 'admitted', position: 10, ahead: 0, enterBy: '2026-12-01T10:05:00Z' }),
      ],
      servings: [servingState(4), servingState(10)],
    });
    await h.run();
    // status → serving (place 10, 4 let in: 5 ahead) → serving says 10 let in → status: admitted.
    expect(h.tokensAsked).toEqual(['tok', 'tok']);
    expect(h.servingAsked()).toBe(2);
    const seen = h.events.flatMap((e) => (e.kind === 'status' ? [[e.status.state, e.status.ahead]] : []));
    expect(seen).toEqual([
      ['waiting', 9],
      ['waiting', 5],
      ['admitted', 0],
    ]);
  });

  it('resumes a stored place without joining again', async () => {
    const h = harness({
      place: { token: 'stored', joinNumber: 3, accountId: 'ada' },
      statuses: [status({ state: 'closed', closedReason: 'sold-out' })],
    });
    await h.run();
    expect(h.tokensAsked).toEqual(['stored']);
    expect(h.events).toHaveLength(1);
  });

  it('joins again when the stored token is refused', async () => {
    const h = harness({
      place: { token: 'old', joinNumber: 3, accountId: 'ada' },
      statuses: [problem(403, 'QUEUE_TOKEN_FOREIGN'), status({ state: 'admitted' })],
      joins: [joined('new', status())],
    });
    await h.run();
    expect(h.tokensAsked).toEqual(['old', 'new']);
    expect(h.saved()?.token).toBe('new');
  });

  it('backs off instead of re-joining in a tight loop when every new token is refused', async () => {
    const refused = problem(400, 'VALIDATION');
    const h = harness({
      place: { token: 'old', joinNumber: 3, accountId: 'ada' },
      statuses: [refused, refused, refused],
      joins: [joined('a', status()), joined('b', status())],
    });
    await h.run();
    expect(h.tokensAsked).toEqual(['old', 'a', 'b']);
    // The third refusal is not answered by a third join at once, but by a pause.
    expect(h.events.at(-1)).toMatchObject({ kind: 'trouble', error: refused });
    expect(h.delays).toEqual([5500, 5500, 2200]);
  });

  it('waits for the pre-queue to open, then joins', async () => {
    const h = harness({
      joins: [
        problem(409, 'QUEUE_NOT_OPEN', { opensAt: '2026-12-01T10:00:00Z' }),
        joined('t', status({ state: 'admitted' })),
      ],
    });
    await h.run();
    expect(h.events[0]).toEqual({ kind: 'not-open', opensAt: '2026-12-01T10:00:00Z' });
    // 60 s until opening (now() is 09:59) plus half of the 3 s spread.
    expect(h.delays).toEqual([61_500]);
  });

  it('stops when there is no queue, when it closed, or when signed out', async () => {
    for (const [err, kind] of [
      [problem(409, 'QUEUE_OFF'), 'off'],
      [problem(409, 'QUEUE_CLOSED'), 'closed'],
      [problem(401, 'UNAUTHENTICATED'), 'signed-out'],
    ] as const) {
      const h = harness({ joins: [err, joined('never', status())] });
      await h.run();
      expect(h.events.map((e) => e.kind)).toEqual([kind]);
      expect(h.delays).toEqual([]);
    }
  });

  it('honours Retry-After when rate limited, and keeps the place through failures', async () => {
    const h = harness({
      place: { token: 'mine', joinNumber: 3, accountId: 'ada' },
      statuses: [problem(429, 'RATE_LIMITED', {}, 20), problem(0, 'NETWORK'), status({ state: 'admitted' })],
    });
    await h.run();
    expect(h.delays).toEqual([22_000, 4400]);
    expect(h.tokensAsked).toEqual(['mine', 'mine', 'mine']);
    expect(h.events.map((e) => e.kind)).toEqual(['trouble', 'trouble', 'status']);
  });
});
