import autocannon from 'autocannon';
import type { LoadResult } from './load.ts';

/**
 * Many pollers, each with their own token, polling at full speed. autocannon walks one request list
 * from the start on every connection, so with one list every connection would hit the first tokens
 * in turn and trip their per-token limit; here the tokens are split into disjoint groups, one
 * autocannon instance per group, so each token sees only its own group's connections.
 *
 * One connection per group by default: autocannon builds every request of the list up front for
 * each connection of an instance, inside the timed run; 20 groups of 5 connections over 40,000
 * tokens built 200,000 requests (+2–4 µs of load-generator CPU per poll on this machine, measured
 * against a fixed answer), one per connection builds 40,000.
 */
export async function pollLoad(
  name: string,
  url: string,
  paths: string[],
  opts: { connections: number; durationSec: number; ipOf: (i: number) => string; groups?: number },
): Promise<LoadResult & { codes: Map<number, number> }> {
  const groups = opts.groups ?? opts.connections;
  const codes = new Map<number, number>();
  const runs = await Promise.all(
    Array.from({ length: groups }, (_, g) =>
      autocannon({
        url,
        connections: Math.max(1, Math.round(opts.connections / groups)),
        duration: opts.durationSec,
        requests: paths
          .map((path, i) => ({ path, i }))
          .filter(({ i }) => i % groups === g)
          .map(({ path, i }) => ({
            method: 'GET' as const,
            path,
            headers: { 'x-forwarded-for': opts.ipOf(i) },
            // No onResponse: with one, autocannon keeps every answer's body as a string, which
            // doubled the load generator's CPU per poll. Codes come from its own counts below.
          })),
      }),
    ),
  );
  for (const r of runs)
    for (const [code, stat] of Object.entries(r.statusCodeStats ?? {}))
      codes.set(Number(code), (codes.get(Number(code)) ?? 0) + (stat.count ?? 0));
  const sum = (f: (r: autocannon.Result) => number) => runs.reduce((a, r) => a + f(r), 0);
  const worst = (f: (r: autocannon.Result) => number) => Math.max(...runs.map(f));
  return {
    name,
    rps: Math.round(sum((r) => r.requests.average)),
    // Percentiles are not additive: the worst group's figure is reported (an upper bound).
    p50: worst((r) => r.latency.p50),
    p90: worst((r) => r.latency.p90),
    p99: worst((r) => r.latency.p99),
    max: worst((r) => r.latency.max),
    requests: sum((r) => r.requests.total),
    errors: sum((r) => r.errors + r.timeouts),
    non2xx: sum((r) => r.non2xx),
    codes,
  };
}
