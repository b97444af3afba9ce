import type { Coordinator } from '../../coord/port.ts';

/**
 * Live seat changes, published through the coordinator so every server process (and so every
 * browser's SSE stream) hears them. Statuses are absolute, so a delta applied twice is harmless.
 */
export type SeatStatusCode = '0' | '1' | '2' | '3';
export const STATUS_CODE = { available: '0', held: '1', sold: '2', blocked: '3' } as const satisfies Record<
  string,
  SeatStatusCode
>;

export type SeatDelta = { s: SeatStatusCode; ids: string[] } | { ga: Record<string, number> };

export const seatChannel = (sessionId: string) => `seats:{${sessionId}}`;

export function seatEvents(coord: Coordinator, onLocal?: (sessionId: string) => void) {
  return {
    publish(sessionId: string, delta: SeatDelta) {
      if ('ids' in delta && delta.ids.length === 0) return;
      onLocal?.(sessionId);
      coord.publish(seatChannel(sessionId), JSON.stringify(delta)).catch(() => {
        // Browsers also refetch the snapshot on reconnect; a lost delta heals on the next change.
      });
    },
    subscribe: (sessionId: string, handler: (raw: string) => void) =>
      coord.subscribe(seatChannel(sessionId), handler),
  };
}

export type SeatEvents = ReturnType<typeof seatEvents>;
