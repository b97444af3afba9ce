import {
  type QueueJoinResponse,
  type QueueStatus,
  type ServingState,
  statusFromServing,
} from '@ticketing/contracts';
import { hasCode, isApiError, problemText } from '../api/client.ts';
import { notOpenDelayMs, pollDelayMs, retryDelayMs } from './pollSchedule.ts';
import type { StoredPlace } from './storage.ts';

/** What the loop tells the page, in order. */
export type LoopEvent =
  /** Where this person stands now (also right after joining). */
  | { kind: 'status'; status: QueueStatus; place: StoredPlace; fresh: boolean }
  /** The pre-queue has not opened; the loop joins by itself when it does. */
  | { kind: 'not-open'; opensAt: string | null }
  /** No queue for this session right now: go straight to the seats. */
  | { kind: 'off' }
  /** Sold out or sales over, before this person got a place. */
  | { kind: 'closed'; detail: string }
  /** The session is not signed in any more (join needs the cookie). */
  | { kind: 'signed-out' }
  /** A try failed (network, overload, rate limit); the loop tries again by itself after `retryInMs`. */
  | { kind: 'trouble'; error: unknown; retryInMs: number };

export type LoopDeps = {
  accountId: string;
  join(signal: AbortSignal): Promise<QueueJoinResponse>;
  status(token: string, signal: AbortSignal): Promise<QueueStatus>;
  /** The public serving state (cacheable): enough to follow a place that is already known. */
  serving?(signal: AbortSignal): Promise<ServingState>;
  loadPlace(): StoredPlace | null;
  savePlace(place: StoredPlace | null): void;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  random(): number;
  now(): number;
  emit(event: LoopEvent): void;
};

/**
 * Tokens refused in a row that we replace by joining again at once; after that many, something is
 * wrong on the server's side, so back off before the next join.
 */
const MAX_QUICK_REJOINS = 2;

/**
 * While waiting with a known place, the loop follows the public serving state (which a CDN can
 * answer) and asks the server for its own status only this often (a place never changes after the draw; this re-check catches a lost queue), or when something changes that
 * only the server can judge (its turn, a pause, the line closing).
 */
const STATUS_EVERY_MS = 5 * 60_000;

/**
 * Joins (or resumes the stored place), then asks for the status as often as the server says, with
 * jitter, until this person is admitted or the queue closes. Returns then, or when `signal` aborts.
 * Errors never end the loop, except the ones that say there is nothing to wait for.
 */
export async function runQueueLoop(deps: LoopDeps, signal: AbortSignal): Promise<void> {
  let place = deps.loadPlace();
  let last: QueueStatus | null = null;
  let lastAskedAt = 0;
  let failures = 0;
  let rejoins = 0;
  while (!signal.aborted) {
    let delay: number;
    try {
      let status: QueueStatus;
      let fresh = false;
      const derived =
        place && last?.state === 'waiting' && deps.serving && deps.now() - lastAskedAt < STATUS_EVERY_MS
          ? await deps
              .serving(signal)
              .then((serving) => (last ? statusFromServing(last, serving, deps.now()) : null))
              .catch(() => null)
          : null;
      if (place && derived) {
        status = derived;
      } else if (place) {
        status = await deps.status(place.token, signal);
        lastAskedAt = deps.now();
        rejoins = 0;
      } else {
        const joined = await deps.join(signal);
        place = { token: joined.token, joinNumber: joined.joinNumber, accountId: deps.accountId };
        deps.savePlace(place);
        status = joined.status;
        fresh = joined.fresh;
        lastAskedAt = deps.now();
      }
      last = status;
      if (signal.aborted) return;
      failures = 0;
      deps.emit({ kind: 'status', status, place, fresh });
      if (status.state === 'admitted' || status.state === 'closed') return;
      delay = pollDelayMs(status.pollAfterSeconds, deps.random());
    } catch (err) {
      if (signal.aborted) return;
      if (hasCode(err, 'QUEUE_OFF')) return deps.emit({ kind: 'off' });
      if (hasCode(err, 'QUEUE_CLOSED')) return deps.emit({ kind: 'closed', detail: err.detail });
      if (isApiError(err, 401)) return deps.emit({ kind: 'signed-out' });
      if (hasCode(err, 'QUEUE_NOT_OPEN')) {
        const opensAt = problemText(err, 'opensAt') ?? null;
        deps.emit({ kind: 'not-open', opensAt });
        delay = notOpenDelayMs(opensAt, deps.now(), deps.random());
      } else if (place && (isApiError(err, 400) || isApiError(err, 403))) {
        // The stored token is damaged, for another session or account, or from an older key: join again.
        place = null;
        deps.savePlace(null);
        rejoins += 1;
        if (rejoins <= MAX_QUICK_REJOINS) continue;
        failures += 1;
        delay = retryDelayMs(failures, err.retryAfterSeconds, deps.random());
        deps.emit({ kind: 'trouble', error: err, retryInMs: delay });
      } else {
        failures += 1;
        delay = retryDelayMs(failures, isApiError(err) ? err.retryAfterSeconds : undefined, deps.random());
        deps.emit({ kind: 'trouble', error: err, retryInMs: delay });
      }
    }
    await deps.sleep(delay, signal);
  }
}

/** setTimeout as a promise that resolves early (without error) when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
