import type { MonitoringPerformance, PerformanceMinute, RoutePerformance } from '@ticketing/contracts';
import { BUCKETS, fromSparse, quantile } from './histogram.ts';
import type { RouteMinute, TimingMinute } from './recorder.ts';

/**
 * The rolling window: one snapshot per process per minute, kept for an hour, and the merge of many
 * processes' snapshots into the dashboard's figures. Snapshots are plain JSON because they travel
 * through the coordinator (each process publishes its own; any process reads them all).
 *
 * Pure: no framework, clock or I/O.
 */

export type LoopLag = { p50: number; p99: number; max: number };

export type MinuteSnapshot = {
  /** Start of the minute, epoch ms. */
  t: number;
  /** Seconds of the minute covered: 60 once complete, less for the minute in progress. */
  d: number;
  routes: RouteMinute[];
  db: TimingMinute;
  lag: LoopLag | null;
  /** Heap in use at the end of the minute, MB. */
  heap: number;
};

export const MINUTE_MS = 60_000;
export const minuteOf = (epochMs: number) => epochMs - (epochMs % MINUTE_MS);

/** The last `size` complete minutes of one process, oldest first. */
export class MinuteRing {
  private readonly minutes: MinuteSnapshot[] = [];
  constructor(readonly size = 60) {}

  push(snapshot: MinuteSnapshot): void {
    this.minutes.push(snapshot);
    if (this.minutes.length > this.size) this.minutes.shift();
  }

  since(t: number): MinuteSnapshot[] {
    return this.minutes.filter((m) => m.t >= t);
  }
}

type RouteTotals = { n: number; e4: number; e5: number; counts: Float64Array };

type MergedMinute = {
  t: number;
  d: number;
  processes: number;
  routes: Map<string, RouteTotals>;
  all: Float64Array;
  requests: number;
  errors4xx: number;
  errors5xx: number;
  db: { n: number; counts: Float64Array };
  lag: LoopLag | null;
  heap: number;
};

function mergeMinute(t: number, snapshots: MinuteSnapshot[]): MergedMinute {
  const merged: MergedMinute = {
    t,
    d: 0,
    processes: snapshots.length,
    routes: new Map(),
    all: new Float64Array(BUCKETS),
    requests: 0,
    errors4xx: 0,
    errors5xx: 0,
    db: { n: 0, counts: new Float64Array(BUCKETS) },
    lag: null,
    heap: 0,
  };
  for (const s of snapshots) {
    merged.d = Math.max(merged.d, s.d);
    merged.heap += s.heap;
    for (const r of s.routes) {
      let totals = merged.routes.get(r.r);
      if (!totals) {
        totals = { n: 0, e4: 0, e5: 0, counts: new Float64Array(BUCKETS) };
        merged.routes.set(r.r, totals);
      }
      totals.n += r.n;
      totals.e4 += r.e4;
      totals.e5 += r.e5;
      fromSparse(r.b, totals.counts);
      fromSparse(r.b, merged.all);
      merged.requests += r.n;
      merged.errors4xx += r.e4;
      merged.errors5xx += r.e5;
    }
    merged.db.n += s.db.n;
    fromSparse(s.db.b, merged.db.counts);
    // Percentiles of different processes cannot be added: show the worst process.
    if (s.lag)
      merged.lag = merged.lag
        ? {
            p50: Math.max(merged.lag.p50, s.lag.p50),
            p99: Math.max(merged.lag.p99, s.lag.p99),
            max: Math.max(merged.lag.max, s.lag.max),
          }
        : { ...s.lag };
  }
  return merged;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/**
 * The dashboard's system figures from every process's snapshots (one list per process): a point
 * per minute from `since` to `now` (empty minutes included, so charts keep a time axis), and a
 * per-route table over the whole span, busiest first.
 */
export function summarize(
  perProcess: MinuteSnapshot[][],
  opts: { since: number; now: number; processes: number },
): Omit<MonitoringPerformance, 'queues' | 'generatedAt'> {
  const byMinute = new Map<number, MinuteSnapshot[]>();
  for (const snapshots of perProcess)
    for (const s of snapshots) {
      if (s.t < opts.since) continue;
      const list = byMinute.get(s.t) ?? [];
      list.push(s);
      byMinute.set(s.t, list);
    }

  const minutes: PerformanceMinute[] = [];
  const routes = new Map<string, RouteTotals>();
  let coveredSeconds = 0;
  for (let t = minuteOf(opts.since); t <= opts.now; t += MINUTE_MS) {
    const m = mergeMinute(t, byMinute.get(t) ?? []);
    const partial = t + MINUTE_MS > opts.now;
    const seconds = m.processes ? m.d : partial ? Math.max(0, (opts.now - t) / 1000) : 60;
    coveredSeconds += seconds;
    minutes.push({
      t: new Date(t).toISOString(),
      seconds: Math.round(seconds * 10) / 10,
      processes: m.processes,
      requests: m.requests,
      errors4xx: m.errors4xx,
      errors5xx: m.errors5xx,
      p50Ms: round(quantile(m.all, 0.5)),
      p95Ms: round(quantile(m.all, 0.95)),
      p99Ms: round(quantile(m.all, 0.99)),
      dbQueries: m.db.n,
      dbP95Ms: round(quantile(m.db.counts, 0.95)),
      loopP50Ms: round(m.lag?.p50 ?? null),
      loopP99Ms: round(m.lag?.p99 ?? null),
      loopMaxMs: round(m.lag?.max ?? null),
      heapUsedMb: m.processes ? Math.round(m.heap * 10) / 10 : null,
    });
    for (const [key, r] of m.routes) {
      let totals = routes.get(key);
      if (!totals) {
        totals = { n: 0, e4: 0, e5: 0, counts: new Float64Array(BUCKETS) };
        routes.set(key, totals);
      }
      totals.n += r.n;
      totals.e4 += r.e4;
      totals.e5 += r.e5;
      for (let i = 0; i < BUCKETS; i++) totals.counts[i]! += r.counts[i]!;
    }
  }

  const table: RoutePerformance[] = [...routes]
    .map(([key, r]) => {
      const space = key.indexOf(' ');
      return {
        method: key.slice(0, space),
        route: key.slice(space + 1),
        requests: r.n,
        perSecond: coveredSeconds > 0 ? Math.round((r.n / coveredSeconds) * 100) / 100 : 0,
        errors4xx: r.e4,
        errors5xx: r.e5,
        p50Ms: round(quantile(r.counts, 0.5)),
        p95Ms: round(quantile(r.counts, 0.95)),
        p99Ms: round(quantile(r.counts, 0.99)),
      };
    })
    .sort((a, b) => b.requests - a.requests);

  return { processes: opts.processes, minutes, routes: table };
}

/** A snapshot read back from the coordinator, or null when it is not one (another version wrote it). */
export function parseSnapshot(json: string): MinuteSnapshot | null {
  try {
    const s = JSON.parse(json) as MinuteSnapshot;
    if (typeof s?.t !== 'number' || !Array.isArray(s.routes) || typeof s.db?.n !== 'number') return null;
    return s;
  } catch {
    return null;
  }
}
