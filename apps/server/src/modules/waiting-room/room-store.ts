import { randomInt } from 'node:crypto';
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
/** A stored room nobody has published for this long has no leader: ask the database about it. */
const LEADERLESS_AFTER_MS = 15_000;
const MAX_ROOMS = 10_000;
const MAX_ABSENT = 50_000;

type Entry = { room: RoomState; at: number };

export function roomStore(deps: {
  coord: Coordinator;
  /** Session facts from the database, for rooms no leader has written yet. */
  findSession: (sessionId: string) => Promise<SessionFacts | null>;
  onError: (err: unknown) => void;
}) {
  const rooms = new Map<string, Entry>();
  // Sessions known to have no room, apart from the rooms: a flood of made-up ids fills this map,
  // never evicts a real room.
  const absent = new Map<string, number>();
  const loading = new Map<string, Promise<RoomState | null>>();

  // peek's shortcut to the entry it last found; forgotten whenever `rooms` changes.
  let lastPeeked: Entry | undefined;

  function remember(room: RoomState): RoomState {
    lastPeeked = undefined;
    const prev = rooms.get(room.sessionId)?.room;
    // Messages can arrive out of order; a newer copy of the same queue wins.
    if (prev && prev.epoch === room.epoch && room.updatedAt < prev.updatedAt) {
      rooms.set(room.sessionId, { room: prev, at: Date.now() });
      return prev;
    }
    if (rooms.size >= MAX_ROOMS) rooms.clear();
    rooms.set(room.sessionId, { room, at: Date.now() });
    absent.delete(room.sessionId);
    return room;
  }

  function rememberAbsent(sessionId: string) {
    lastPeeked = undefined;
    rooms.delete(sessionId);
    if (absent.size >= MAX_ABSENT) absent.clear();
    absent.set(sessionId, Date.now());
    return null;
  }

  /**
   * peek, for the session id that is the `length` characters of `text` at `at` (a poll's URL, read
   * where it is). The last room asked for is checked first: the polls of one on-sale all ask for
   * the same one, and comparing the characters in place costs less than cutting the id out and
   * hashing it into the map.
   */
  function peekAt(text: string, at: number, length: number, now = Date.now()): RoomState | undefined {
    let entry = lastPeeked;
    if (
      entry === undefined ||
      entry.room.sessionId.length !== length ||
      !text.startsWith(entry.room.sessionId, at)
    ) {
      entry = rooms.get(text.slice(at, at + length));
      lastPeeked = entry;
    }
    if (entry && now - entry.at > REFRESH_AFTER_MS) refresh(entry.room.sessionId).catch(deps.onError);
    return entry?.room;
  }

  /** The queue's epoch: created once, by whoever first needs it, with the counters' lifetime. */
  async function epochOf(session: SessionFacts): Promise<number> {
    const key = roomKeys(session.id).epoch;
    const ttl = Math.max(60_000, session.salesCloseAt.getTime() - Date.now() + 86_400_000);
    await deps.coord.setIfAbsent(key, String(randomInt(1, 2 ** 32 - 1)), ttl);
    return Number(await deps.coord.getValue(key));
  }

  async function load(sessionId: string): Promise<RoomState | null> {
    const raw = await deps.coord.getValue(roomKeys(sessionId).state);
    if (raw) {
      const stored = JSON.parse(raw) as RoomState;
      if (Date.now() - stored.updatedAt < LEADERLESS_AFTER_MS || stored.mode === 'off')
        return remember(stored);
      // Nobody leads it: the queue may have been switched off while its leader was gone.
      const session = await deps.findSession(sessionId);
      if (!session || session.queueMode === 'off') return remember({ ...stored, mode: 'off' });
      return remember(stored);
    }
    const session = await deps.findSession(sessionId);
    if (!session || session.queueMode === 'off') return rememberAbsent(sessionId);
    // Not yet led (the leader starts within seconds): answer from the session's own settings.
    return remember(initialRoom(session, Date.now(), await epochOf(session)));
  }

  /** One load per session at a time, shared by everyone asking meanwhile. */
  function refresh(sessionId: string): Promise<RoomState | null> {
    let p = loading.get(sessionId);
    if (!p) {
      p = load(sessionId).finally(() => loading.delete(sessionId));
      loading.set(sessionId, p);
    }
    return p;
  }

  return {
    /** The room as this process knows it; null when the session has no queue. */
    async get(sessionId: string): Promise<RoomState | null> {
      const entry = rooms.get(sessionId);
      if (entry) {
        if (Date.now() - entry.at > REFRESH_AFTER_MS) refresh(sessionId).catch(deps.onError);
        return entry.room;
      }
      const none = absent.get(sessionId);
      if (none !== undefined) {
        if (Date.now() - none > NO_ROOM_REFRESH_MS) refresh(sessionId).catch(deps.onError);
        return null;
      }
      return refresh(sessionId);
    },

    /** The room if this process already has it (no I/O, never waits); refreshes an old copy. */
    peek(sessionId: string, now = Date.now()): RoomState | undefined {
      return peekAt(sessionId, 0, sessionId.length, now);
    },

    peekAt,

    epochOf,

    /** The leader's own writes, and messages from other processes' leaders. */
    accept(room: RoomState) {
      remember(room);
    },

    async listen() {
      return deps.coord.subscribe(ROOM_STATE_CHANNEL, (message) => {
        try {
          remember(JSON.parse(message) as RoomState);
        } catch (err) {
          deps.onError(err);
        }
      });
    },

    /** Stores and announces a room. A room switched off is kept (mode off): counters and draw stay. */
    async publish(room: RoomState) {
      remember(room);
      const json = JSON.stringify(room);
      // Kept a day past the close so late pollers still see "closed".
      const ttl = Math.max(60_000, room.salesCloseAt - Date.now() + 86_400_000);
      await deps.coord.setValue(roomKeys(room.sessionId).state, json, ttl);
      await deps.coord.publish(ROOM_STATE_CHANNEL, json);
    },

    loaded: () => [...rooms.values()].map((e) => e.room),
  };
}

export type RoomStore = ReturnType<typeof roomStore>;
