import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Actor, signIn } from '../../../test/actors.ts';
import { makeListeningApp } from '../../../test/app.ts';
import { openPglite } from '../../../test/databases.ts';
import { publishedSession } from '../../../test/fixtures.ts';
import { answeredCount } from '../../../test/metrics.ts';
import { JOIN_PER_ACCOUNT } from './service.ts';

/**
 * Joins over a real socket from a browser whose login this process remembers take the fast path
 * (answered before Fastify, http/fast-joins.ts). They must say exactly what the route says, errors
 * included, and everything unusual must still reach the route. (`inject` never takes the fast
 * path: it calls Fastify directly, so it gives the route's own answers to compare with.)
 */
describe('queue joins on a real socket', () => {
  let ctx: Awaited<ReturnType<typeof makeListeningApp>>;
  let url: string;
  let sessionId: string;

  beforeAll(async () => {
    ctx = await makeListeningApp(await openPglite(), { env: { TRUST_PROXY: 'true' } });
    url = ctx.url;
    sessionId = (await publishedSession(ctx.app, { queueMode: 'scheduled' })).sessionId;
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.database.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const joinPath = (id: string) => `/api/sessions/${id}/queue/join`;
  const joinOverSocket = (who: Actor | null, id = sessionId, init: RequestInit = {}) =>
    fetch(`${url}${joinPath(id)}`, {
      method: 'POST',
      ...init,
      headers: { ...(who ? { cookie: who.cookie } : {}), 'x-forwarded-for': '203.0.113.9', ...init.headers },
    });
  /** A signed-in person who has the page open: this process has looked their login up. */
  const pageOpen = async () => {
    const who = await signIn(ctx.app);
    const me = await fetch(`${url}/api/me`, { headers: { cookie: who.cookie } });
    expect(me.status).toBe(200);
    // The room is loaded by anyone's first visit to the queue; here, the route's serving read.
    await ctx.app.inject({ url: `/api/sessions/${sessionId}/queue/serving` });
    return who;
  };
  const spyJoins = () => vi.spyOn(ctx.app.services.waitingRoom, 'joinHere');

  it('answers a join before the framework, with the route’s body, status and API headers', async () => {
    const who = await pageOpen();
    const fast = spyJoins();
    const first = await joinOverSocket(who);
    expect(fast).toHaveBeenCalledTimes(1);
    expect(first.status).toBe(201);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('x-request-id')).toMatch(/^[\w-]{8,64}$/);
    const body = (await first.json()) as {
      token: string;
      joinNumber: number;
      fresh: boolean;
      status: object;
    };
    expect(body.fresh).toBe(true);

    // Joining again, fast or through the route: the same place, 200.
    const again = await joinOverSocket(who);
    expect(again.status).toBe(200);
    const viaRoute = await who.post(joinPath(sessionId));
    expect(viaRoute.statusCode).toBe(200);
    const [a, b] = [(await again.json()) as typeof body, viaRoute.json() as typeof body];
    expect(a.joinNumber).toBe(body.joinNumber);
    expect(b.joinNumber).toBe(body.joinNumber);
    expect(a.status).toEqual(b.status);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(fast).toHaveBeenCalledTimes(2);
  });

  it('keeps a caller’s well-formed request id, as Fastify does', async () => {
    const who = await pageOpen();
    const res = await joinOverSocket(who, sessionId, { headers: { 'x-request-id': 'trace-1234abcd' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('trace-1234abcd');
  });

  it('leaves the unusual to the route: no cookie, a login not looked up yet, a body, no room yet', async () => {
    const fast = spyJoins();
    const anonymous = await joinOverSocket(null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');

    const fresh = await signIn(ctx.app); // signed in elsewhere: this process has not looked it up
    expect((await joinOverSocket(fresh)).status).toBe(201);

    const withBody = await pageOpen();
    const res = await joinOverSocket(withBody, sessionId, {
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);

    const twoCookies = await pageOpen();
    const doubled = await joinOverSocket(twoCookies, sessionId, {
      headers: { cookie: `${twoCookies.cookie}; ${twoCookies.cookie}` },
    });
    expect(doubled.status).toBe(201);
    expect(fast).not.toHaveBeenCalled();

    // A session this process has not loaded a room for: the service says so, the route answers.
    const other = (await publishedSession(ctx.app, { queueMode: 'scheduled' })).sessionId;
    const early = await joinOverSocket(withBody, other);
    expect(early.status).toBe(201);
    expect(fast).toHaveBeenCalledTimes(1);
    expect(fast.mock.results[0]?.value).toBeNull();
  });

  it('answers the route’s problem+json when the join is refused: limits and a queue not open yet', async () => {
    const who = await pageOpen();
    let limited: Response | null = null;
    // The first join is not charged to the account (the claim's again bucket), then `limit` more are.
    for (let i = 0; i <= JOIN_PER_ACCOUNT.limit + 1 && !limited; i++) {
      const r = await joinOverSocket(who, sessionId, { headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      if (r.status >= 400) limited = r;
      else await r.arrayBuffer();
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    const fastProblem = (await limited!.json()) as Record<string, unknown>;
    const routeProblem = (await who.post(joinPath(sessionId))).json() as Record<string, unknown>;
    expect(fastProblem.requestId).toBe(limited?.headers.get('x-request-id'));
    const { requestId: _a, retryAfterSeconds: _b, ...fastRest } = fastProblem;
    const { requestId: _c, retryAfterSeconds: _d, ...routeRest } = routeProblem;
    expect(fastRest).toEqual(routeRest);

    const later = (
      await publishedSession(ctx.app, {
        queueMode: 'scheduled',
        queueSettings: { prequeueMinutes: 10 },
        salesOpenAt: new Date(Date.now() + 3 * 3600_000),
      })
    ).sessionId;
    const person = await pageOpen();
    const viaRoute = await person.post(joinPath(later)); // loads the room in this process
    expect(viaRoute.statusCode).toBe(409);
    const fast = spyJoins();
    const notYet = await joinOverSocket(person, later);
    expect(fast).toHaveBeenCalledTimes(1);
    expect(notYet.status).toBe(409);
    const { requestId: _e, ...a } = (await notYet.json()) as Record<string, unknown>;
    const { requestId: _f, ...b } = viaRoute.json() as Record<string, unknown>;
    expect(a).toEqual(b);
    expect(a.code).toBe('QUEUE_NOT_OPEN');
  });

  it('counts fast answers in the route’s metrics', async () => {
    const count = () =>
      answeredCount(ctx.app, { method: 'POST', route: '/api/sessions/:id/queue/join', status: 201 });
    const before = await count();
    for (let i = 0; i < 3; i++) await (await joinOverSocket(await pageOpen())).arrayBuffer();
    expect(await count()).toBe(before + 3);
  });
});
