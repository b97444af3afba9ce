import autocannon from 'autocannon';
import type { Buyer } from './buyers.ts';

/**
 * A closed loop of requests through autocannon, one keep-alive connection per signed-up buyer:
 * connection i always sends buyer i's cookie and address, and builds each request's body afresh
 * (e.g. two random seats). autocannon costs the load generator ~10 µs of CPU per request where
 * our node:http client costs ~100–150 µs, and on a 2-core machine shared with the server and
 * PostgreSQL that CPU comes out of the system under test.
 *
 * Every response counts, refused ones included (their latency too, as the closed loop before it
 * did); `ok` says which statuses are a success, and the others are reported per status.
 */
export async function buyersLoad(opts: {
  url: string;
  buyers: Buyer[];
  seconds: number;
  method: 'POST' | 'GET' | 'DELETE';
  path: string;
  body?: () => string;
  ok: (status: number) => boolean;
}) {
  let next = 0;
  const result = await autocannon({
    url: opts.url,
    connections: opts.buyers.length,
    duration: opts.seconds,
    // One outstanding request per connection: a buyer waits for the answer before the next turn.
    pipelining: 1,
    setupClient: (client) => {
      const buyer = opts.buyers[next++ % opts.buyers.length]!;
      const headers: Record<string, string> = {
        cookie: buyer.cookie,
        'x-forwarded-for': buyer.ip,
        ...(opts.body ? { 'content-type': 'application/json' } : {}),
      };
      client.setRequests([
        {
          method: opts.method,
          path: opts.path,
          headers,
          ...(opts.body ? { setupRequest: (req) => ({ ...req, body: opts.body!() }) } : {}),
        },
      ]);
    },
  });
  const byStatus: Record<string, number> = {};
  let count = 0;
  let failures = result.errors + result.timeouts;
  for (const [status, { count: n }] of Object.entries(
    result.statusCodeStats as Record<string, { count: number }>,
  )) {
    byStatus[status] = n;
    count += n;
    if (!opts.ok(Number(status))) failures += n;
  }
  return {
    count,
    perSecond: Math.round(count / result.duration),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    failures,
    byStatus,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
