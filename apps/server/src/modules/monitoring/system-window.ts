import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Coordinator } from '../../coord/port.ts';
import { eventLoopSampler } from './event-loop.ts';
import { HttpRecorder, TimingRecorder } from './recorder.ts';
import { MINUTE_MS, MinuteRing, type MinuteSnapshot, minuteOf, parseSnapshot } from './window.ts';

/**
 * This process's system figures over the last hour, and everyone else's.
 *
 * Every minute the recorders are rotated into a snapshot kept in memory (MinuteRing) and put into
 * the coordinator group of that minute (`monitoring:minute:<t>`, one member per process, kept an
 * hour). Every few seconds the minute in progress is put there too, so other processes see it
 * early. A reader takes every process's member of each minute, with its own live figures in place
 * of what it last published. On the in-process coordinator that is just this process; on Redis,
 * every process of the deployment.
 */

const PUBLISH_EVERY_MS = 10_000;
const KEEP_MINUTES = 60;
// A member outlives the window by a little, so the oldest minute shown is still complete.
const MINUTE_TTL_MS = (KEEP_MINUTES + 5) * MINUTE_MS;
// A process that stopped publishing for this long no longer counts as running.
const PROCESS_TTL_MS = 3 * PUBLISH_EVERY_MS;
const REMOTE_CACHE_MS = 2_000;

const minuteGroup = (t: number) => `monitoring:minute:${t}`;
const PROCESSES_GROUP = 'monitoring:processes';

export function systemWindow(deps: {
  coord: Coordinator;
  onError: (err: unknown, context: string) => void;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const processId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const http = new HttpRecorder();
  const db = new TimingRecorder();
  const loop = eventLoopSampler();
  const ring = new MinuteRing(KEEP_MINUTES);
  const startedAt = now();
  let minuteStart = minuteOf(startedAt);
  let rotateTimer: NodeJS.Timeout | null = null;
  let publishTimer: NodeJS.Timeout | null = null;
  let remote: {
    at: number;
    since: number;
    value: Promise<{ minutes: MinuteSnapshot[][]; processes: number }>;
  } | null = null;

  const heapMb = () => Math.round((process.memoryUsage().heapUsed / 1_048_576) * 10) / 10;
  const covered = (t: number, until: number) => Math.max(0, (until - Math.max(t, startedAt)) / 1000);

  function current(): MinuteSnapshot {
    const at = now();
    return {
      t: minuteStart,
      d: Math.round(covered(minuteStart, at) * 10) / 10,
      routes: http.peek(),
      db: db.peek(),
      lag: loop.peek(),
      heap: heapMb(),
    };
  }

  function publish(snapshot: MinuteSnapshot): Promise<void> {
    return Promise.all([
      deps.coord.putGroupMember(minuteGroup(snapshot.t), processId, JSON.stringify(snapshot), MINUTE_TTL_MS),
      deps.coord.putGroupMember(
        PROCESSES_GROUP,
        processId,
        JSON.stringify({ pid: process.pid, startedAt }),
        PROCESS_TTL_MS,
      ),
    ]).then(
      () => {},
      (err) => deps.onError(err, 'publishing monitoring figures failed'),
    );
  }

  function rotate() {
    const end = minuteStart + MINUTE_MS;
    const snapshot: MinuteSnapshot = {
      t: minuteStart,
      d: Math.round(covered(minuteStart, end) * 10) / 10,
      routes: http.rotate(),
      db: db.rotate(),
      lag: loop.rotate(),
      heap: heapMb(),
    };
    ring.push(snapshot);
    void publish(snapshot);
    // Never the same minute twice, even if the timer and the wall clock disagree by a few ms.
    minuteStart = Math.max(end, minuteOf(now()));
    schedule();
  }

  function schedule() {
    const wait = Math.max(10, minuteStart + MINUTE_MS - now());
    rotateTimer = setTimeout(rotate, wait);
    rotateTimer.unref();
  }

  async function readRemote(since: number) {
    const minutes: number[] = [];
    for (let t = minuteOf(since); t <= now(); t += MINUTE_MS) minutes.push(t);
    const [groups, processes] = await Promise.all([
      Promise.all(minutes.map((t) => deps.coord.readGroup(minuteGroup(t)))),
      deps.coord.readGroup(PROCESSES_GROUP),
    ]);
    const byProcess = new Map<string, MinuteSnapshot[]>();
    for (const group of groups)
      for (const [member, json] of group) {
        if (member === processId) continue;
        const snapshot = parseSnapshot(json);
        if (!snapshot) continue;
        const list = byProcess.get(member) ?? [];
        list.push(snapshot);
        byProcess.set(member, list);
      }
    processes.delete(processId);
    return { minutes: [...byProcess.values()], processes: processes.size };
  }

  return {
    processId,
    http,
    db,

    start() {
      if (rotateTimer) return;
      // The window describes serving: start-up's long synchronous work is not event-loop lag.
      loop.reset();
      schedule();
      void publish(current());
      publishTimer = setInterval(() => void publish(current()), PUBLISH_EVERY_MS);
      publishTimer.unref();
    },

    /** Publishes the minute in progress now rather than at the next tick (tests; shutdown). */
    flush: () => publish(current()),

    stop() {
      if (rotateTimer) clearTimeout(rotateTimer);
      if (publishTimer) clearInterval(publishTimer);
      rotateTimer = publishTimer = null;
      loop.stop();
    },

    /**
     * Snapshots since `since` per process (this one first, live) and how many processes report.
     * Other processes' figures are read at most every 2 s, whatever the number of viewers.
     */
    async read(since: number): Promise<{ perProcess: MinuteSnapshot[][]; processes: number }> {
      const at = now();
      if (!remote || at - remote.at > REMOTE_CACHE_MS || remote.since > since) {
        const value = readRemote(since);
        value.catch(() => {});
        remote = { at, since, value };
      }
      const own = [...ring.since(since), current()];
      try {
        const others = await remote.value;
        return { perProcess: [own, ...others.minutes], processes: 1 + others.processes };
      } catch (err) {
        deps.onError(err, 'reading other processes’ monitoring figures failed');
        remote = null;
        return { perProcess: [own], processes: 1 };
      }
    },
  };
}

export type SystemWindow = ReturnType<typeof systemWindow>;
