import { Availability } from '@ticketing/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { parseDelta } from '../../seatmap/seatStatus.ts';
import { api } from '../client.ts';
import { createSeatStatusStore, type SeatStatusStore } from './seatStatusStore.ts';

const MAX_BACKOFF_MS = 30_000;

/**
 * Seat statuses of a session, live: `GET /api/sessions/:id/stream` sends a snapshot, then deltas.
 * EventSource reconnects by itself after a dropped connection (and the server sends a fresh
 * snapshot, which heals missed deltas); when the browser gives up (an HTTP error), we reopen it
 * with a growing delay. A GA delta only says "changed", so the counts are fetched again.
 */
export function useSeatStream(sessionId: string): SeatStatusStore {
  const [store] = useState(createSeatStatusStore);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let backoff = 1000;
    let stopped = false;
    const base = `/api/sessions/${encodeURIComponent(sessionId)}`;

    const refreshGa = () =>
      api(`${base}/availability`, { schema: Availability })
        .then((a) => store.setGa(a.ga))
        .catch(() => {});

    const open = () => {
      const es = new EventSource(`${base}/stream`);
      source = es;
      es.addEventListener('snapshot', (e) => {
        try {
          const data = JSON.parse((e as MessageEvent<string>).data) as {
            seats: string;
            ga: Record<string, number>;
          };
          store.setSnapshot(data.seats, data.ga ?? {});
          store.setLive(true);
          backoff = 1000;
        } catch {
          // A malformed snapshot: keep what we have; the next reconnect sends another.
        }
      });
      es.addEventListener('delta', (e) => {
        const delta = parseDelta((e as MessageEvent<string>).data);
        if (!delta) return;
        if (delta.kind === 'ga') refreshGa();
        else store.applyDelta(delta.status, delta.ids);
      });
      es.addEventListener('error', () => {
        store.setLive(false);
        if (es.readyState !== EventSource.CLOSED || stopped) return;
        retry = setTimeout(open, backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      store.setLive(false);
    };
  }, [sessionId, store]);

  return store;
}

/** Re-renders the caller whenever a status changes; returns the version number. */
export const useStatusVersion = (store: SeatStatusStore) =>
  useSyncExternalStore(store.subscribe, store.getVersion);
