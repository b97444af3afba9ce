import type { Coordinator } from '../../coord/port.ts';
import { ROOM_STATE_CHANNEL, roomKeys } from './keys.ts';
import { initialRoom, type RoomState, type SessionFacts } from './room.ts';

/**
 * Each process's copy of every room it has been asked about. The leader writes a room's state to
 * the coordinator and publishes it; every process keeps the latest in memory, so a status poll,
 * a serving request or an access check costs no database or Redis call. A copy older than a few
 * seconds (a lost message, a dead leader) is served while one background read refreshes it.
 */

const REFRESH_AFTER_MS = 3_000;
/** Sessions without a room change rarely; an admin turning a queue on is published at once. */
const NO_ROOM_REFRESH_MS = 30_000;

type Entry = { room: RoomState | null; at: number; refreshing?: Promise<RoomState | null> };

export function roomStore(deps: {
  coord: Coordinator;
  /** Session facts from the database, for rooms no leader has written yet. */
  findSession: (sessionId: string) => Promise<SessionFacts | null>;
  onError: (err: unknown) => void;
}) {
  const rooms = new Map<string, Entry>();

  function remember(room: RoomState | null, sessionId: string) {
    const prev = rooms.get(sessionId)?.room;
    // Messages can arrive out of order; the serving number only grows.
    if (prev && room && room.updatedAt < prev.updatedAt) return prev;
    if (rooms.size > 10_000) rooms.clear();
    rooms.set(sessionId, { room, at: Date.now() });
    return room;
  }

  async function load(sessionId: string): Promise<RoomState | null> {
    const raw = await deps.coord.getValue(roomKeys(sessionId).state);
    if (raw) return remember(JSON.parse(raw) as RoomState, sessionId);
    const session = await deps.findSession(sessionId);
    if (!session || session.queueMode === 'off') return remember(null, sessionId);
    // Not yet led (the leader starts within seconds): answer from the session's own settings.
    return remember(initialRoom(session, Date.now()), sessionId);
  }

  function refresh(sessionId: string, entry: Entry | undefined) {
    if (entry?.refreshing) return entry.refreshing;
    const p = load(sessionId).finally(() => {
      const e = rooms.get(sessionId);
      if (e) e.refreshing = undefined;
    });
    if (entry) entry.refreshing = p;
    return p;
  }

  return {
    /** The room as this process knows it; null when the session has no queue. */
    async get(sessionId: string): Promise<RoomState | null> {
      const entry = rooms.get(sessionId);
      if (!entry) return refresh(sessionId, undefined);
      const age = Date.now() - entry.at;
      if (age > (entry.room ? REFRESH_AFTER_MS : NO_ROOM_REFRESH_MS)) {
        refresh(sessionId, entry).catch(deps.onError);
      }
      return entry.room;
    },

    /** The leader's own writes, and messages from other processes' leaders. */
    accept(room: RoomState) {
      remember(room, room.sessionId);
    },

    forget(sessionId: string) {
      rooms.set(sessionId, { room: null, at: Date.now() });
    },

    async listen() {
      return deps.coord.subscribe(ROOM_STATE_CHANNEL, (message) => {
        try {
          const m = JSON.parse(message) as { off?: string } & Partial<RoomState>;
          if (m.off) rooms.set(m.off, { room: null, at: Date.now() });
          else remember(m as RoomState, m.sessionId!);
        } catch (err) {
          deps.onError(err);
        }
      });
    },

    async publish(room: RoomState) {
      remember(room, room.sessionId);
      const json = JSON.stringify(room);
      // Kept a day past the close so late pollers still see "closed".
      const ttl = Math.max(60_000, room.salesCloseAt - Date.now() + 86_400_000);
      await deps.coord.setValue(roomKeys(room.sessionId).state, json, ttl);
      await deps.coord.publish(ROOM_STATE_CHANNEL, json);
    },

    async publishOff(sessionId: string) {
      rooms.set(sessionId, { room: null, at: Date.now() });
      await deps.coord.deleteKey(roomKeys(sessionId).state);
      await deps.coord.publish(ROOM_STATE_CHANNEL, JSON.stringify({ off: sessionId }));
    },

    loaded: () => [...rooms.values()].flatMap((e) => (e.room ? [e.room] : [])),
  };
}

export type RoomStore = ReturnType<typeof roomStore>;
