import type { Coordinator, Lock } from '../../coord/port.ts';
import { advance } from './admission.ts';
import { roomKeys } from './keys.ts';
import type { WaitingRoomRepository } from './repository.ts';
import { initialRoom, type RoomState, roomSettings, type SessionFacts, withSessionFacts } from './room.ts';
import type { RoomStore } from './room-store.ts';

/**
 * The admission leader: every process runs this loop, and for each queued session exactly one of
 * them (the holder of the session's coordinator lock) moves the serving number. A leader that
 * dies or stalls loses its lock within LOCK_TTL_MS and another process continues from the last
 * published state, so the serving number never goes back.
 */

const TICK_MS = 1_000;
const LOCK_TTL_MS = 5_000;
const DISCOVER_EVERY_MS = 5_000;
const STOCK_EVERY_MS = 2_000;

/** What an admin steers live (the outflow lives in the session's settings, the one source). */
export interface Control {
  paused?: boolean;
}

/** Entries are counted per 10-second bucket of their admission time. */
export const ENTRY_BUCKET_MS = 10_000;
export const entryBucket = (admittedAt: number) => Math.floor(admittedAt / ENTRY_BUCKET_MS) * ENTRY_BUCKET_MS;

/** People who came in and were admitted within the no-show window ending now. */
export async function enteredInWindow(coord: Coordinator, room: RoomState, now: number) {
  const keys = roomKeys(room.sessionId);
  const buckets: number[] = [];
  for (let b = entryBucket(now - room.noShowMs); b <= now; b += ENTRY_BUCKET_MS) buckets.push(b);
  const counts = await Promise.all(buckets.map((b) => coord.getCounter(keys.entries(b))));
  return counts.reduce((a, b) => a + b, 0);
}

export function admissionLeader(deps: {
  coord: Coordinator;
  repo: WaitingRoomRepository;
  store: RoomStore;
  onError: (err: unknown, context: string) => void;
  tickMs?: number;
}) {
  const { coord, repo, store } = deps;
  const led = new Map<
    string,
    { lock: Lock; room: RoomState; stockAt: number; stock: { available: number; held: number } | null }
  >();
  let sessions = new Map<string, SessionFacts>();
  let discoveredAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  async function discover(now: number) {
    if (now - discoveredAt < DISCOVER_EVERY_MS) return;
    discoveredAt = now;
    const list = await repo.queuedSessions();
    const next = new Map(list.map((s) => [s.id, s]));
    // A session whose queue was switched off (or whose sales are over): its leader says so once,
    // keeping the counters and the draw in case it is switched on again, then lets go.
    for (const [id, entry] of led) {
      if (!next.has(id)) {
        const over = now >= entry.room.salesCloseAt;
        await store
          .publish({ ...entry.room, mode: over ? entry.room.mode : 'off', updatedAt: now })
          .catch((err) => deps.onError(err, 'publish off'));
        await entry.lock.release().catch(() => false);
        led.delete(id);
      }
    }
    sessions = next;
  }

  /** Leads the session if nobody else does; keeps leading if it already does. */
  async function lead(session: SessionFacts, now: number) {
    const keys = roomKeys(session.id);
    const mine = led.get(session.id);
    if (mine) {
      if (await mine.lock.extend(LOCK_TTL_MS)) return mine;
      led.delete(session.id);
      return null;
    }
    const lock = await coord.acquireLock(keys.leader, LOCK_TTL_MS);
    if (!lock) return null;
    // Continue from what the previous leader published (or start the room).
    const raw = await coord.getValue(keys.state);
    const room = raw
      ? (JSON.parse(raw) as RoomState)
      : initialRoom(session, now, await store.epochOf(session));
    const entry = { lock, room, stockAt: 0, stock: null };
    led.set(session.id, entry);
    return entry;
  }

  async function step(session: SessionFacts, now: number) {
    const entry = await lead(session, now);
    if (!entry) return;
    const keys = roomKeys(session.id);
    if (now - entry.stockAt >= STOCK_EVERY_MS) {
      entry.stock = await repo.stock(session.id);
      entry.stockAt = now;
    }
    const [joined, entered, activeShoppers, controlRaw] = await Promise.all([
      coord.getCounter(keys.joined),
      enteredInWindow(coord, entry.room, now),
      coord.countGroup(keys.shoppers),
      coord.getValue(keys.control),
      // The bucket that just left the window is no longer read by anyone.
      coord.deleteKey(keys.entries(entryBucket(now - entry.room.noShowMs) - ENTRY_BUCKET_MS)),
    ]);
    const control = controlRaw ? (JSON.parse(controlRaw) as Control) : {};
    const room = withSessionFacts(entry.room, session);
    const next = advance(room, {
      now,
      joined,
      enteredInWindow: entered,
      activeShoppers,
      stock: entry.stock,
      paused: control.paused ?? false,
      outflowPerMinute: roomSettings(session.queueSettings).outflowPerMinute,
    });
    entry.room = next;
    await store.publish(next);
  }

  // Ticks never overlap (the timer's and an explicit one): two steps from the same base could
  // otherwise publish a smaller serving number after a larger one.
  let chain: Promise<void> = Promise.resolve();
  function tick() {
    chain = chain.then(tickOnce, tickOnce);
    return chain;
  }

  async function tickOnce() {
    const now = Date.now();
    try {
      await discover(now);
    } catch (err) {
      deps.onError(err, 'discovering queued sessions');
    }
    await Promise.all(
      [...sessions.values()].map((s) => step(s, now).catch((err) => deps.onError(err, `room ${s.id}`))),
    );
  }

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return; // a slow tick is not stacked on
        running = tick().finally(() => {
          running = null;
        });
      }, deps.tickMs ?? TICK_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
      await Promise.all([...led.values()].map((e) => e.lock.release().catch(() => false)));
      led.clear();
    },
    /** Runs one step now (tests, and the first tick at start-up). */
    tick,
    isLeading: (sessionId: string) => led.has(sessionId),
    /** Forces the next tick to re-read sessions (after an admin edit). */
    rediscover() {
      discoveredAt = 0;
    },
  };
}

export type AdmissionLeader = ReturnType<typeof admissionLeader>;
