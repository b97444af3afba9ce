import { describe, expect, it } from 'vitest';
import { emptyBuckets, observe, toSparse } from './histogram.ts';
import { HttpRecorder } from './recorder.ts';
import { MINUTE_MS, MinuteRing, type MinuteSnapshot, parseSnapshot, summarize } from './window.ts';

const T0 = Date.UTC(2026, 0, 1, 12, 0);

function minute(
  t: number,
  routes: [string, number[], number?][],
  lag: MinuteSnapshot['lag'] = null,
): MinuteSnapshot {
  return {
    t,
    d: 60,
    routes: routes.map(([r, values, e5 = 0]) => {
      const b = emptyBuckets();
      for (const v of values) observe(b, v);
      return { r, n: values.length, e4: 0, e5, s: b.sumMs, b: toSparse(b.counts) };
    }),
    db: { n: 0, s: 0, b: [] },
    lag,
    heap: 50,
  };
}

describe('rolling window', () => {
  it('records per route and status, and a rotation starts the minute again', () => {
    const http = new HttpRecorder();
    const get = http.route('GET', '/api/sessions/:id');
    get.record(200, 2);
    get.record(200, 4);
    get.record(503, 1);
    http.unmatched.record(404, 0.1);
    expect(http.route('GET', '/api/sessions/:id')).toBe(get);
    const first = http.rotate();
    expect(first).toEqual([
      expect.objectContaining({ r: 'GET /api/sessions/:id', n: 3, e5: 1, e4: 0 }),
      expect.objectContaining({ r: 'ANY (unmatched)', n: 1, e4: 1 }),
    ]);
    expect(http.rotate()).toEqual([]);
    expect(get.byStatus.map((s) => [s.status, s.buckets.count])).toEqual([
      [200, 2],
      [503, 1],
    ]);
  });

  it('puts every file of the web app in one series, but not API routes that end like a file', () => {
    const http = new HttpRecorder();
    const a = http.route('GET', '/assets/index-Dyv9Hol8.js');
    expect(http.route('GET', '/favicon.svg')).toBe(a);
    expect(a.route).toBe('(static files)');
    expect(http.route('GET', '/api/openapi.json').route).toBe('/api/openapi.json');
  });

  it('counts event streams without timing them', () => {
    const http = new HttpRecorder();
    const stream = http.route('GET', '/api/sessions/:id/stream');
    stream.record(200, 600_000);
    expect(stream.streams).toBe(1);
    expect(stream.byStatus).toEqual([]);
    expect(http.peek()[0]).toMatchObject({ n: 1, b: [] });
  });

  it('keeps only the last `size` minutes', () => {
    const ring = new MinuteRing(3);
    for (let i = 0; i < 5; i++) ring.push(minute(T0 + i * MINUTE_MS, []));
    expect(ring.since(0).map((m) => (m.t - T0) / MINUTE_MS)).toEqual([2, 3, 4]);
  });

  it('adds requests of every process minute by minute and fills empty minutes', () => {
    const a = [minute(T0, [['GET /a', [1, 1, 1]]]), minute(T0 + 2 * MINUTE_MS, [['GET /a', [2]]])];
    const b = [
      minute(T0, [
        ['GET /a', [100]],
        ['POST /b', [5], 1],
      ]),
    ];
    const out = summarize([a, b], { since: T0, now: T0 + 2 * MINUTE_MS + 30_000, processes: 2 });
    expect(out.minutes.map((m) => [m.requests, m.processes])).toEqual([
      [5, 2],
      [0, 0],
      [1, 1],
    ]);
    expect(out.minutes[0]).toMatchObject({ errors5xx: 1, heapUsedMb: 100 });
    expect(out.minutes[0]!.p50Ms!).toBeLessThanOrEqual(1);
    expect(out.minutes[0]!.p99Ms!).toBeGreaterThan(60);
    expect(out.minutes[1]).toMatchObject({ seconds: 60, p50Ms: null });
    expect(out.routes.map((r) => [r.method, r.route, r.requests, r.errors5xx])).toEqual([
      ['GET', '/a', 5, 0],
      ['POST', '/b', 1, 1],
    ]);
  });

  it('shows the worst process’s event-loop lag', () => {
    const a = [minute(T0, [], { p50: 1, p99: 30, max: 40 })];
    const b = [minute(T0, [], { p50: 2, p99: 10, max: 90 })];
    const [m] = summarize([a, b], { since: T0, now: T0 + 59_000, processes: 2 }).minutes;
    expect(m).toMatchObject({ loopP50Ms: 2, loopP99Ms: 30, loopMaxMs: 90 });
  });

  it('rejects snapshots it cannot read', () => {
    expect(parseSnapshot('not json')).toBeNull();
    expect(parseSnapshot('{"t":"x"}')).toBeNull();
    expect(parseSnapshot(JSON.stringify(minute(T0, [])))).toMatchObject({ t: T0 });
  });
});
