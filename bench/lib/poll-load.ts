import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import type { LoadResult } from './load.ts';

export type SlicedRequest = { path: string; method?: 'GET' | 'POST'; headers: Record<string, string> };
export type SlicedResult = LoadResult & { codes: Map<number, number> };

/**
 * Many distinct requests (one per token, or one per account) spread over the connections, each
 * connection with its own slice, as many real clients would send them.
 *
 * autocannon walks one request list from the start on every connection, so with one list every
 * connection would send the first requests in turn (the same token past its per-token limit, the
 * same account joining again); here each connection is its own autocannon instance with a disjoint
 * slice. autocannon builds every request of an instance's list up front, inside the timed run: one
 * connection per instance builds each request once (20 groups of 5 connections built 5× as many,
 * +2–4 µs of load-generator CPU per poll on this machine, measured against a fixed answer).
 *
 * No answer body is kept: with an onResponse callback autocannon keeps every body as a string,
 * which doubled the load generator's CPU per request. Codes come from its own counts; callers that
 * need the answers' contents read them back afterwards (the bench checks joins in Redis).
 *
 * - `durationSec`: each connection cycles its slice for that long.
 * - `once`: each request is sent exactly once. The rate is the answers received while every
 *   connection was still busy (until the first one ran out of requests) over that time: what the
 *   server does at this many connections, as a duration run measures it. Later, fewer and fewer
 *   connections are left, and a rate over the time to the last answer would measure that tail.
 *   (autocannon's own rate for a counted run is worse still: it ends on its next one-second tick.)
 */
export async function slicedLoad(
  name: string,
  url: string,
  requests: SlicedRequest[],
  opts: { connections: number } & ({ durationSec: number } | { once: true }),
): Promise<SlicedResult> {
  const groups = Math.min(opts.connections, requests.length);
  const codes = new Map<number, number>();
  const started = performance.now();
  let answers = 0;
  /** When the first connection ran out of requests, and how many answers had come by then. */
  const steady = { answers: 0, at: 0 };
  const runs = await Promise.all(
    Array.from({ length: groups }, (_, g) => {
      const slice = requests.filter((_, i) => i % groups === g);
      // Without a callback autocannon answers its tracker, an EventEmitter that is also a promise.
      const tracker = autocannon({
        url,
        connections: 1,
        ...('once' in opts ? { amount: slice.length } : { duration: opts.durationSec }),
        requests: slice.map((r) => ({ method: r.method ?? 'GET', path: r.path, headers: r.headers })),
      }) as Promise<autocannon.Result> & EventEmitter;
      if ('once' in opts) {
        tracker.on('response', () => {
          answers++;
        });
        tracker.on('done', () => {
          if (steady.at === 0) Object.assign(steady, { answers, at: performance.now() });
        });
      }
      return tracker;
    }),
  );
  for (const r of runs)
    for (const [code, stat] of Object.entries(r.statusCodeStats ?? {}))
      codes.set(Number(code), (codes.get(Number(code)) ?? 0) + (stat.count ?? 0));
  const sum = (f: (r: autocannon.Result) => number) => runs.reduce((a, r) => a + f(r), 0);
  const worst = (f: (r: autocannon.Result) => number) => Math.max(...runs.map(f));
  const total = sum((r) => r.requests.total);
  return {
    name,
    rps:
      'once' in opts
        ? Math.round(steady.answers / ((steady.at - started) / 1000))
        : Math.round(sum((r) => r.requests.average)),
    // Percentiles are not additive: the worst connection's figure is reported (an upper bound).
    p50: worst((r) => r.latency.p50),
    p90: worst((r) => r.latency.p90),
    p99: worst((r) => r.latency.p99),
    max: worst((r) => r.latency.max),
    requests: total,
    errors: sum((r) => r.errors + r.timeouts),
    non2xx: sum((r) => r.non2xx),
    codes,
  };
}

/** Status polls at full speed, each token from its own address, over the connections. */
export function pollLoad(
  name: string,
  url: string,
  paths: string[],
  opts: { connections: number; durationSec: number; ipOf: (i: number) => string },
): Promise<SlicedResult> {
  return slicedLoad(
    name,
    url,
    paths.map((path, i) => ({ path, headers: { 'x-forwarded-for': opts.ipOf(i) } })),
    opts,
  );
}
