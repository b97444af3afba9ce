import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientIp, headerList } from './fast-path.ts';

/**
 * The one request a million waiting people send over and over: `GET /api/sessions/:id/queue/status
 * ?token=…`. It needs no body, cookie, database or Redis, so a plain 200 is answered here, before
 * the framework: no routing, hooks, schema or logger per poll (server CPU per poll falls by half,
 * see docs/BENCHMARKS.md). Anything else — another shape of URL, a bad token, a room this process
 * does not have yet, a limit reached — returns false and goes to the Fastify route, which answers
 * it properly (problem+json and all), so the fast path can only ever say what the route would.
 */

export const STATUS_ROUTE = '/api/sessions/:id/queue/status';

// Exactly the shape clients send: the prefix, a session id of UUID length, then the token.
// Nothing else is checked here: an id that names no room this process holds finds none, and a
// token that is not exactly one this process issued fails its check; both then go to the route.
// (A regular expression over the whole URL cost ~0.3 µs a poll, measured in a loop.)
const PREFIX = '/api/sessions/';
const ID_LENGTH = 36;
const MIDDLE = '/queue/status?token=';
const TOKEN_AT = PREFIX.length + ID_LENGTH + MIDDLE.length;

export interface FastPollDeps {
  /**
   * The poll's JSON answer (ASCII only), or null to leave the request to the route. The session id
   * is the 36 characters of `url` at `idAt`, the token the rest of it from `tokenAt`.
   */
  statusJsonAt(url: string, idAt: number, tokenAt: number, ip: string): string | null;
  /** Same rule as Fastify's: behind a proxy, the first X-Forwarded-For address. */
  trustProxy: boolean;
  /** The API security headers every JSON answer carries. */
  headers: Record<string, string>;
  /** Counted and timed like the route's own answers (none on the queue edge, which has no metrics). */
  record?(status: number, ms: number): void;
}

export function fastPolls(deps: FastPollDeps) {
  const headersFor = headersByLength(
    headerList({
      ...deps.headers,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    }),
  );
  const { record } = deps;

  /** True when it answered; false to pass the request on untouched. */
  return function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url;
    if (
      req.method !== 'GET' ||
      url === undefined ||
      url.length <= TOKEN_AT ||
      !url.startsWith(PREFIX) ||
      !url.startsWith(MIDDLE, PREFIX.length + ID_LENGTH)
    )
      return false;
    const started = record ? performance.now() : 0;
    const body = deps.statusJsonAt(url, PREFIX.length, TOKEN_AT, clientIp(req, deps.trustProxy));
    if (body === null) return false;
    // ASCII: its length is its byte length, and it is written one byte per character.
    res.writeHead(200, headersFor(body.length));
    res.end(body, 'latin1');
    record?.(200, performance.now() - started);
    return true;
  };
}

/**
 * The answer's whole header list for each body length, built once: the answers differ in length
 * only by a few digits, so a handful of lists serve every poll (Node reads the list, never keeps
 * or changes it).
 */
function headersByLength(fixed: string[]) {
  const lists = new Map<number, string[]>();
  return (length: number): string[] => {
    let list = lists.get(length);
    if (list === undefined) {
      list = [...fixed, 'content-length', String(length)];
      if (lists.size < 1_000) lists.set(length, list);
    }
    return list;
  };
}
