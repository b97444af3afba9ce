import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/actors.ts';
import { makeListeningApp } from '../../../test/app.ts';
import { openPglite } from '../../../test/databases.ts';
import { publishedSession } from '../../../test/fixtures.ts';
import { answeredCount } from '../../../test/metrics.ts';

/**
 * Queue polls over a real socket take the fast path (answered before Fastify); they must say
 * exactly what the route says, and everything unusual must still reach the route.
 */
describe('queue status polls on a real socket', () => {
  let ctx: Awaited<ReturnType<typeof makeListeningApp>>;
  let url: string;
  let sessionId: string;
  let token: string;

  beforeAll(async () => {
    ctx = await makeListeningApp(await openPglite(), { env: { TRUST_PROXY: 'true' } });
    url = ctx.url;
    sessionId = (await publishedSession(ctx.app, { queueMode: 'scheduled' })).sessionId;
    const who = await signIn(ctx.app);
    token = (await who.post(`/api/sessions/${sessionId}/queue/join`)).json().token;
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.database.close();
  });

  const poll = (t: string, ip = '203.0.113.7') =>
    fetch(`${url}/api/sessions/${sessionId}/queue/status?token=${t}`, { headers: { 'x-forwarded-for': ip } });

  it('answers a plain poll before the framework, with the route’s body and API headers', async () => {
    const fast = await poll(token);
    expect(fast.status).toBe(200);
    // No request id: Fastify never saw it.
    expect(fast.headers.get('x-request-id')).toBeNull();
    expect(fast.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(fast.headers.get('cache-control')).toBe('no-store');
    expect(fast.headers.get('x-content-type-options')).toBe('nosniff');
    const viaRoute = await ctx.app.inject({ url: `/api/sessions/${sessionId}/queue/status?token=${token}` });
    expect(await fast.json()).toEqual(viaRoute.json());
  });

  it('leaves bad tokens, other shapes and limits to the route (problem+json)', async () => {
    const forged = await poll(`${token.slice(0, -2)}AA`);
    expect(forged.status).toBe(400);
    expect(forged.headers.get('x-request-id')).not.toBeNull();
    expect(((await forged.json()) as { code: string }).code).toBe('QUEUE_TOKEN_INVALID');
    const extra = await fetch(`${url}/api/sessions/${sessionId}/queue/status?token=${token}&x=1`);
    expect(extra.status).toBe(400); // the route's strict schema refuses the unknown parameter
    let limited: Response | null = null;
    for (let i = 0; i < 70 && !limited; i++) {
      const r = await poll(token, `198.51.100.${i}`);
      if (r.status !== 200) limited = r;
      else await r.arrayBuffer();
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get('retry-after')).not.toBeNull();
  });

  it('counts fast answers in the route’s metrics', async () => {
    const count = () =>
      answeredCount(ctx.app, { method: 'GET', route: '/api/sessions/:id/queue/status', status: 200 });
    const before = await count();
    const fresh = (await (await signIn(ctx.app)).post(`/api/sessions/${sessionId}/queue/join`)).json().token;
    for (let i = 0; i < 3; i++) await (await poll(fresh, `192.0.2.${i}`)).arrayBuffer();
    expect(await count()).toBe(before + 3);
  });
});
