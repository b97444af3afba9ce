import type { IncomingMessage, ServerResponse } from 'node:http';
import { type QueueStatus, queueStatusJson } from '@ticketing/contracts';
import { answerAscii, clientIp, headerList } from './fast-path.ts';

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
  const fixed = headerList({
    ...deps.headers,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });

  /** True when it answered; false to pass the request on untouched. */
  return function handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' || !req.url?.startsWith('/api/sessions/')) return false;
    const match = STATUS_URL.exec(req.url);
    if (!match) return false;
    const started = performance.now();
    const status = deps.statusNow(match[1]!, match[2]!, clientIp(req, deps.trustProxy));
    if (!status) return false;
    answerAscii(res, 200, fixed, [], queueStatusJson(status));
    deps.record(200, performance.now() - started);
    return true;
  };
}
