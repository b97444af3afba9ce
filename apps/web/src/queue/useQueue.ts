import type { QueueStatus } from '@ticketing/contracts';
import { useEffect, useRef, useState } from 'react';
import { hasCode, isApiError } from '../api/client.ts';
import { enterQueue, fetchQueueStatus, fetchServing, joinQueue } from '../api/queue/queueApi.ts';
import { runQueueLoop, sleep } from './queueLoop.ts';
import {
  ACCESS_MARGIN_MS,
  browserStore,
  readPlace,
  type StoredPlace,
  writeAccess,
  writePlace,
} from './storage.ts';

export type QueueView =
  | { kind: 'starting' }
  | { kind: 'not-open'; opensAt: string | null }
  /** In line; `at` is when this status arrived. */
  | { kind: 'line'; status: QueueStatus; place: StoredPlace; at: number }
  /** Refused at the door: sold out or sales over before this person got a place. */
  | { kind: 'closed'; detail: string }
  | { kind: 'off' }
  | { kind: 'signed-out' }
  /** The turn came and went unused (no-show window): offer a new place at the back. */
  | { kind: 'place-expired' }
  /** This place was already used and its shopping time is over. */
  | { kind: 'shopping-over' }
  | { kind: 'entered' };

export type Trouble = { error: unknown; retryAt: number };

/**
 * One person's way through a session's waiting room: join or resume, poll, and exchange the place
 * for booking access when it is their turn. `onEntered` runs once the access token is stored.
 */
export function useQueue(sessionId: string, accountId: string, onEntered: () => void) {
  const [view, setView] = useState<QueueView>({ kind: 'starting' });
  const [trouble, setTrouble] = useState<Trouble | null>(null);
  const [entering, setEntering] = useState(false);
  const [enterError, setEnterError] = useState<unknown>(null);
  // Bumped to start over: after a refused enter, or to take a new place at the back.
  const [generation, setGeneration] = useState(0);
  // Whether this visit saw the person wait. Let in without waiting (an automatic room below
  // capacity, or back after a reload on their turn), they go on to the seats without a click.
  const waited = useRef(false);
  const autoEntered = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation restarts the loop on purpose
  useEffect(() => {
    const abort = new AbortController();
    const store = browserStore();
    runQueueLoop(
      {
        accountId,
        join: (signal) => joinQueue(sessionId, signal),
        status: (token, signal) => fetchQueueStatus(sessionId, token, signal),
        serving: (signal) => fetchServing(sessionId, signal),
        loadPlace: () => readPlace(store, sessionId, accountId),
        savePlace: (place) => writePlace(store, sessionId, place),
        sleep,
        random: Math.random,
        now: Date.now,
        emit(event) {
          if (event.kind === 'trouble') {
            setTrouble({ error: event.error, retryAt: Date.now() + event.retryInMs });
            return;
          }
          setTrouble(null);
          if (event.kind === 'status' && event.status.state !== 'admitted') waited.current = true;
          if (event.kind === 'status')
            setView({ kind: 'line', status: event.status, place: event.place, at: Date.now() });
          else setView(event);
        },
      },
      abort.signal,
    );
    return () => abort.abort();
  }, [sessionId, accountId, generation]);

  // The view stays as it is until the new loop has something to say, so nothing jumps.
  const restart = () => setGeneration((g) => g + 1);

  /** "Choose your seats": the admitted place becomes a booking access token. */
  async function enter() {
    if (view.kind !== 'line' || entering) return;
    const store = browserStore();
    setEntering(true);
    setEnterError(null);
    try {
      const access = await enterQueue(sessionId, view.place.token);
      if (Date.parse(access.expiresAt) - ACCESS_MARGIN_MS <= Date.now()) {
        setView({ kind: 'shopping-over' });
        return;
      }
      writeAccess(store, sessionId, { ...access, accountId });
      setView({ kind: 'entered' });
      onEntered();
    } catch (err) {
      if (hasCode(err, 'QUEUE_PLACE_EXPIRED')) {
        writePlace(store, sessionId, null);
        setView({ kind: 'place-expired' });
      } else if (hasCode(err, 'QUEUE_NOT_ADMITTED')) {
        // Our status was a moment ahead of this server's: keep waiting, it is a matter of seconds.
        restart();
      } else if (hasCode(err, 'QUEUE_TOKEN_FOREIGN') || isApiError(err, 400)) {
        writePlace(store, sessionId, null);
        restart();
      } else if (isApiError(err, 401)) {
        setView({ kind: 'signed-out' });
      } else {
        setEnterError(err);
      }
    } finally {
      setEntering(false);
    }
  }

  const admittedNow = view.kind === 'line' && view.status.state === 'admitted';
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when admitted without a wait
  useEffect(() => {
    if (!admittedNow || waited.current || autoEntered.current) return;
    autoEntered.current = true;
    enter();
  }, [admittedNow]);

  return {
    view,
    trouble,
    entering,
    enterError,
    enter,

    /** Give up the old place (used or expired) and join again, at the back of the line. */
    rejoin() {
      writePlace(browserStore(), sessionId, null);
      setView({ kind: 'starting' });
      restart();
    },

    /** Try now instead of waiting for the next scheduled try. */
    retryNow: restart,
  };
}
