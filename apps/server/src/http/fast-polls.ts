import type { IncomingMessage, ServerResponse } from 'node:http';
import type { QueueStatus } from '@ticketing/contracts';

/**
 * The one request a million waiting people send over and over: `GET /api/sessions/:id/queue/status
 * ?token=…`. It needs no body, cookie, database or Redis, so a plain 200 is answered here, before
 * the framework: no routing, hooks, schema or logger per poll (server CPU per poll falls by half,
 * see docs/BENCHMARKS.md). Anything else — another shape of URL, a bad token, a room this process
 * does not have yet, a limit reached — returns false and goes to the Fastify route, which answers
 * it properly (problem+json and all), so the fast path can only ever say what the route would.
 */

// Exactly the shape clients send; token characters are base64url, so nothing needs decoding.
const STATUS_URL =
  /^\/api\/sessions\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/queue\/status\?token=([\w-]{10,400})$/;
export const STATUS_ROUTE = '/api/sessions/:id/queue/status';

export interface FastPollDeps {
  statusNow(sessionId: string, token: string, ip: string): QueueStatus | null;
  /** Same rule as Fastify's: behind a proxy, the first X-Forwarded-For address. */
  trustProxy: boolean;
  /** The API security headers every JSON answer carries. */
  headers: Record<string, string>;
  /** Counted and timed like the route's own answers. */
  record(status: number, ms: number): void;
}

export function fastPolls(deps: FastPollDeps) {
  // A flat name/value list: Node takes it as is, where an object would be walked key by key
  // (~1 µs per answer, measured on a bare node:http server).
  const fixed: string[] = Object.entries({
    ...deps.headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  }).flat();
  const clientIp = (req: IncomingMessage) => {
    if (deps.trustProxy) {
      const forwarded = forwardedFor(req.rawHeaders);
      if (forwarded) {
        const comma = forwarded.indexOf(',');
        return (comma === -1 ? forwarded : forwarded.slice(0, comma)).trim();
      }
    }
    return req.socket.remoteAddress ?? '';
  };

  /** True when it answered; false to pass the request on untouched. */
  return function handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || !req.url?.startsWith('/api/sessions/')) return false;
    const match = STATUS_URL.exec(req.url);
    if (!match) return false;
    const started = performance.now();
    const status = deps.statusNow(match[1]!, match[2]!, clientIp(req));
    if (!status) return false;
    const body = JSON.stringify(status);
    const headers = fixed.slice();
    headers.push('content-length', String(Buffer.byteLength(body)));
    res.writeHead(200, headers);
    res.end(body);
    deps.record(200, performance.now() - started);
    return true;
  };
}

/**
 * The first X-Forwarded-For value, read from the raw header list: `req.headers` is built from it
 * on first use (an object per request), which nothing else on this path needs.
 */
function forwardedFor(raw: string[]): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 15 && name.toLowerCase() === 'x-forwarded-for') return raw[i + 1] || undefined;
  }
  return undefined;
}
