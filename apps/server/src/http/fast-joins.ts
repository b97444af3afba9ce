import type { IncomingMessage, ServerResponse } from 'node:http';
import { type QueueJoinResponse, queueJoinJson, type User } from '@ticketing/contracts';
import { SESSION_COOKIE } from './auth.ts';
import { answer, answerAscii, clientIp, headerList, rawHeader, requestIdOf } from './fast-path.ts';
import { errorToProblem, PROBLEM_CONTENT_TYPE, retryAfterOf } from './problem.ts';

/**
 * The request everyone sends at once when an on-sale opens: `POST /api/sessions/:id/queue/join`
 * from a signed-in browser that has the page open. When this process already knows the session
 * cookie and has the room in memory, the join is answered here, before the framework: no routing,
 * hooks, schema or per-request objects; the join itself (one batched Redis claim, the signed
 * token) is the service's, the same call the route makes.
 *
 * Anything else goes to the Fastify route untouched, so the fast path only ever says what the
 * route would: another URL shape, a body, no or an unusual cookie, a login this process has not
 * looked up in the last 30 s, a room it has not loaded. Once the join has started, its refusals
 * (limits, a closed queue, Redis down) are answered here as the route's error handler would:
 * the same problem+json, status and Retry-After.
 *
 * Successful joins are counted in the route's metrics, not logged one by one (at opening they
 * come by the tens of thousands per second); refusals are logged like the route's.
 */

const JOIN_URL =
  /^\/api\/sessions\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/queue\/join$/;
export const JOIN_ROUTE = '/api/sessions/:id/queue/join';
/** Session tokens are base64url (accounts service): nothing to decode. Else the cookie parser decides. */
const PLAIN_TOKEN = /^[\w-]{1,100}$/;

export interface FastJoinDeps {
  /** The signed-in user of a session token if this process remembers it; undefined otherwise. */
  cachedUser(token: string): User | undefined;
  /** The service's join, or null when this process does not have the room in memory. */
  joinHere(sessionId: string, accountId: string, ip: string): Promise<QueueJoinResponse> | null;
  trustProxy: boolean;
  /** The API security headers every JSON answer carries. */
  headers: Record<string, string>;
  record(status: number, ms: number): void;
  log: {
    info(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
}

export function fastJoins(deps: FastJoinDeps) {
  const json = headerList({ ...deps.headers, 'content-type': 'application/json; charset=utf-8' });
  const problemJson = headerList({ ...deps.headers, 'content-type': PROBLEM_CONTENT_TYPE });

  async function finish(
    req: IncomingMessage,
    res: ServerResponse,
    joining: Promise<QueueJoinResponse>,
    started: number,
  ) {
    const id = requestIdOf(rawHeader(req.rawHeaders, 'x-request-id', 'refuse'));
    let status: number;
    try {
      const joined = await joining;
      status = joined.fresh ? 201 : 200;
      answerAscii(res, status, json, ['x-request-id', id], queueJoinJson(joined));
    } catch (err) {
      const body = errorToProblem(err, { url: req.url!, id });
      status = body.status;
      if (status >= 500) deps.log.error({ reqId: id, err }, 'request failed');
      else deps.log.info({ reqId: id, code: body.code, status }, 'request refused');
      const retryAfter = retryAfterOf(err);
      const extra = ['x-request-id', id];
      if (retryAfter !== undefined) extra.push('retry-after', String(retryAfter));
      answer(res, status, problemJson, extra, JSON.stringify(body));
    }
    deps.record(status, performance.now() - started);
  }

  /** True when it took the request (and will answer it); false to pass it on untouched. */
  return function handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'POST' || !req.url?.startsWith('/api/sessions/')) return false;
    const match = JOIN_URL.exec(req.url);
    if (!match) return false;
    const raw = req.rawHeaders;
    // No body: a browser's bodiless POST says Content-Length: 0.
    const length = rawHeader(raw, 'content-length', 'refuse');
    if (
      (length !== undefined && length !== '0') ||
      rawHeader(raw, 'transfer-encoding', 'first') !== undefined
    )
      return false;
    const token = sessionToken(rawHeader(raw, 'cookie', 'refuse'));
    if (!token) return false;
    const user = deps.cachedUser(token);
    if (!user) return false;
    const started = performance.now();
    const joining = deps.joinHere(match[1]!, user.id, clientIp(req, deps.trustProxy));
    if (!joining) return false;
    finish(req, res, joining, started).catch((err) => {
      deps.log.error({ err }, 'fast join answer failed');
      res.destroy();
    });
    return true;
  };
}

/**
 * The session cookie's value when the header has it exactly once and plainly (no quotes or
 * percent-encoding to decode); undefined otherwise, and the cookie parser decides.
 */
export function sessionToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  let found: string | undefined;
  let from = 0;
  while (from < header.length) {
    const end = header.indexOf(';', from);
    const pair = header.slice(from, end === -1 ? header.length : end);
    from = end === -1 ? header.length : end + 1;
    const eq = pair.indexOf('=');
    if (eq === -1 || pair.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    if (found !== undefined) return undefined;
    found = pair.slice(eq + 1).trim();
  }
  return found !== undefined && PLAIN_TOKEN.test(found) ? found : undefined;
}
