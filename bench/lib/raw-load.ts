import net from 'node:net';
import type { LoadResult } from './load.ts';

export type SlicedRequest = { path: string; method?: 'GET' | 'POST'; headers: Record<string, string> };
export type SlicedResult = LoadResult & { codes: Map<number, number> };

/**
 * A lean HTTP/1.1 load generator for the paired rows of the queue bench: many distinct requests
 * (one per person: their cookie, their token, their address), each connection with its own slice,
 * one request in flight per connection, every request built once before the clock starts.
 *
 * Why not autocannon here: it walks one request list from the start on every connection, so
 * distinct requests need one instance per connection (100 instances: ~45 µs of load-generator CPU
 * per join on this machine) or a setupRequest callback that rebuilds every request (~28 µs).
 * The load generator shares the two cores with the server, so its cost is taken from the server.
 * Both sides of a pair (hello world and the route) are measured with this same client, so the
 * ratio compares the servers, not two clients.
 *
 * Answers are read only as far as needed: the status code, Content-Length, then the body's bytes
 * are skipped. An answer without Content-Length (chunked) is counted as an error.
 */
export async function rawLoad(
  name: string,
  url: string,
  requests: SlicedRequest[],
  opts: { connections: number } & ({ durationSec: number } | { once: true }),
): Promise<SlicedResult> {
  const target = new URL(url);
  const host = target.host;
  const built = requests.map((r) => {
    const method = r.method ?? 'GET';
    // As browsers (and autocannon) send them: keep-alive said aloud; a bodiless POST says
    // Content-Length: 0.
    const lines = [`${method} ${r.path} HTTP/1.1`, `host: ${host}`, 'connection: keep-alive'];
    for (const [k, v] of Object.entries(r.headers)) lines.push(`${k}: ${v}`);
    if (method === 'POST') lines.push('content-length: 0');
    return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  });
  const groups = Math.min(opts.connections, built.length);
  const slices = Array.from({ length: groups }, (_, g) => built.filter((_, i) => i % groups === g));
  const once = 'once' in opts;
  const codes = new Map<number, number>();
  const latencies: number[] = [];
  let errors = 0;
  let answers = 0;
  let answering = 0;
  const started = performance.now();
  const endAt = once ? Number.POSITIVE_INFINITY : started + opts.durationSec * 1000;
  /**
   * Once (each request sent exactly once): the rate is the answers received while every
   * connection was busy, from the moment the last of them had its first answer until the first
   * ran out of requests. That is what the server does at this many connections, as a duration
   * run measures it; before, connections are still opening, and after, fewer and fewer are left.
   */
  const busy = { answers: 0, at: started };
  const steady = { answers: 0, at: 0 };

  await Promise.all(
    slices.map(
      (slice) =>
        new Promise<void>((resolve) => {
          const socket = net.connect({ host: target.hostname, port: Number(target.port) });
          socket.setNoDelay(true);
          let next = 0;
          let sentAt = 0;
          let pending: Buffer | null = null;
          let bodyLeft = -1; // -1: reading headers
          let first = true;

          const send = () => {
            if (performance.now() >= endAt || (once && next >= slice.length)) {
              if (once && steady.at === 0) Object.assign(steady, { answers, at: performance.now() });
              socket.end();
              return;
            }
            sentAt = performance.now();
            socket.write(slice[next++ % slice.length]!);
          };
          const done = (status: number) => {
            const now = performance.now();
            if (now <= endAt) {
              latencies.push(now - sentAt);
              codes.set(status, (codes.get(status) ?? 0) + 1);
              answers++;
            }
            if (first) {
              first = false;
              if (++answering === groups && steady.at === 0) Object.assign(busy, { answers, at: now });
            }
            send();
          };
          let status = 0;
          socket.on('data', (chunk: Buffer) => {
            let buf = pending ? Buffer.concat([pending, chunk]) : chunk;
            pending = null;
            while (buf.length > 0) {
              if (bodyLeft < 0) {
                const end = buf.indexOf('\r\n\r\n');
                if (end === -1) {
                  pending = buf;
                  return;
                }
                const head = buf.toString('latin1', 0, end);
                status = Number(head.slice(9, 12));
                const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
                if (!m) {
                  errors++;
                  socket.destroy();
                  return;
                }
                bodyLeft = Number(m[1]);
                buf = buf.subarray(end + 4);
              }
              const take = Math.min(bodyLeft, buf.length);
              bodyLeft -= take;
              buf = buf.subarray(take);
              if (bodyLeft > 0) return;
              bodyLeft = -1;
              done(status);
            }
          });
          socket.on('error', () => {
            errors++;
          });
          socket.on('close', () => resolve());
          socket.on('connect', send);
        }),
    ),
  );

  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round((latencies[Math.floor((latencies.length - 1) * p)] ?? 0) * 10) / 10;
  const total = latencies.length;
  const elapsed = once ? (steady.at - busy.at) / 1000 : opts.durationSec;
  const counted = once ? steady.answers - busy.answers : total;
  let non2xx = 0;
  for (const [code, n] of codes) if (code < 200 || code > 299) non2xx += n;
  return {
    name,
    rps: Math.round(counted / elapsed),
    p50: pct(0.5),
    p90: pct(0.9),
    p99: pct(0.99),
    max: pct(1),
    requests: total,
    errors,
    non2xx,
    codes,
  };
}
