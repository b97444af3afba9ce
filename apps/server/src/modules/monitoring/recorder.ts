import { type Buckets, bucketIndex, emptyBuckets, toSparse } from './histogram.ts';

/**
 * What the request path records, and nothing more: per route, a cumulative histogram per status
 * code (for `/metrics`) and this minute's counters (for the dashboard's rolling window). Every
 * structure is allocated when a route or a new status code is first seen; a request then costs one
 * bucket scan and a handful of additions.
 *
 * Pure: no framework, clock or I/O. The HTTP hook (http-hook.ts) calls `record`, a timer calls
 * `rotate` once a minute (window.ts keeps what it returns).
 */

/** Cumulative figures of one (route, status code) pair since the process started. */
export type StatusSeries = { readonly status: number; readonly buckets: Buckets };

/** One route's figures for the minute in progress. */
type MinuteFigures = { requests: number; errors4xx: number; errors5xx: number; buckets: Buckets };

const emptyMinute = (): MinuteFigures => ({
  requests: 0,
  errors4xx: 0,
  errors5xx: 0,
  buckets: emptyBuckets(),
});

export class RouteSeries {
  readonly key: string;
  readonly byStatus: StatusSeries[] = [];
  /** Long-lived streams (SSE): counted, but their lifetime is not a response time. */
  streams = 0;
  minute: MinuteFigures = emptyMinute();
  private last: StatusSeries | null = null;

  constructor(
    readonly method: string,
    readonly route: string,
    readonly timed: boolean,
  ) {
    this.key = `${method} ${route}`;
  }

  record(status: number, ms: number): void {
    const minute = this.minute;
    minute.requests++;
    if (status >= 500) minute.errors5xx++;
    else if (status >= 400) minute.errors4xx++;
    if (!this.timed) {
      this.streams++;
      return;
    }
    let series = this.last;
    if (series === null || series.status !== status) series = this.seriesOf(status);
    const i = bucketIndex(ms);
    const total = series.buckets;
    total.counts[i]!++;
    total.sumMs += ms;
    total.count++;
    const now = minute.buckets;
    now.counts[i]!++;
    now.sumMs += ms;
    now.count++;
  }

  private seriesOf(status: number): StatusSeries {
    let found = this.byStatus.find((s) => s.status === status);
    if (!found) {
      found = { status, buckets: emptyBuckets() };
      this.byStatus.push(found);
    }
    this.last = found;
    return found;
  }
}

/** One route's minute on the wire (JSON through the coordinator): short names, sparse buckets. */
export type RouteMinute = { r: string; n: number; e4: number; e5: number; s: number; b: number[] };

/** Timings of anything else (database queries) on the wire. */
export type TimingMinute = { n: number; s: number; b: number[] };

export function routeMinute(series: RouteSeries): RouteMinute | null {
  const m = series.minute;
  if (m.requests === 0) return null;
  return {
    r: series.key,
    n: m.requests,
    e4: m.errors4xx,
    e5: m.errors5xx,
    s: Math.round(m.buckets.sumMs * 1000) / 1000,
    b: toSparse(m.buckets.counts),
  };
}

export const timingMinute = (b: Buckets): TimingMinute => ({
  n: b.count,
  s: Math.round(b.sumMs * 1000) / 1000,
  b: toSparse(b.counts),
});

const isStaticFile = (url: string) =>
  !url.startsWith('/api/') && !url.includes(':') && !url.includes('*') && /\.[A-Za-z0-9]+$/.test(url);

/** All routes of one app, plus the requests no route matched (404s, and SPA pages when served). */
export class HttpRecorder {
  readonly routes: RouteSeries[] = [];
  readonly unmatched = new RouteSeries('ANY', '(unmatched)', true);

  /**
   * Called once per route at registration; the returned series is what its hook records into.
   * Every file of the built web app is its own route, with a content hash in its name that changes
   * with each release: they share one series, so deployments do not multiply the series.
   */
  route(method: string, url: string): RouteSeries {
    if (isStaticFile(url)) url = '(static files)';
    const existing = this.routes.find((r) => r.method === method && r.route === url);
    if (existing) return existing;
    // Server-sent event streams stay open for minutes: time them and every percentile is wrong.
    const series = new RouteSeries(method, url, !url.endsWith('/stream'));
    this.routes.push(series);
    return series;
  }

  all(): RouteSeries[] {
    return [...this.routes, this.unmatched];
  }

  /** This minute so far, without resetting it. */
  peek(): RouteMinute[] {
    const out: RouteMinute[] = [];
    for (const series of this.all()) {
      const m = routeMinute(series);
      if (m) out.push(m);
    }
    return out;
  }

  /** This minute's figures; the counters start again from zero. */
  rotate(): RouteMinute[] {
    const out = this.peek();
    for (const series of this.all()) if (series.minute.requests > 0) series.minute = emptyMinute();
    return out;
  }
}

/** A plain timing recorder (database queries): cumulative for `/metrics`, per minute for the window. */
export class TimingRecorder {
  readonly total: { ok: Buckets; failed: Buckets } = { ok: emptyBuckets(), failed: emptyBuckets() };
  minute: Buckets = emptyBuckets();

  record(ms: number, failed: boolean): void {
    const i = bucketIndex(ms);
    const total = failed ? this.total.failed : this.total.ok;
    total.counts[i]!++;
    total.sumMs += ms;
    total.count++;
    const m = this.minute;
    m.counts[i]!++;
    m.sumMs += ms;
    m.count++;
  }

  peek(): TimingMinute {
    return timingMinute(this.minute);
  }

  rotate(): TimingMinute {
    const out = this.peek();
    this.minute = emptyBuckets();
    return out;
  }
}
