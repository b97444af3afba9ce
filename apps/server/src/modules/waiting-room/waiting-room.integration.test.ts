import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, signIn } from '../../../test/actors.ts';
import { makeTestApp } from '../../../test/app.ts';
import { databaseBackends } from '../../../test/databases.ts';
import { publishedSession } from '../../../test/fixtures.ts';
import { requireService, TEST_REDIS_URL } from '../../../test/services.ts';
import { createMemoryCoordinator } from '../../coord/memory.ts';
import type { Coordinator } from '../../coord/port.ts';
import { createRedisCoordinator } from '../../coord/redis.ts';

/**
 * The waiting room through HTTP on each store pairing: PGlite with the in-process coordinator,
 * PostgreSQL with Redis. Same tests, both adapters.
 */
const backends = await databaseBackends();
const redisUp = await requireService('redis');
const pairs = backends.map((b) => ({
  ...b,
  coordName: b.name === 'postgres' && redisUp ? 'redis' : 'memory',
}));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(pairs)('waiting room on $name + $coordName', (backend) => {
  let ctx: Awaited<ReturnType<typeof makeTestApp>>;
  let admin: Actor;
  const makeCoord = (): Coordinator =>
    backend.coordName === 'redis'
      ? createRedisCoordinator({ url: TEST_REDIS_URL, keyPrefix: `tk-wr-${randomUUID()}:` })
      : createMemoryCoordinator();

  beforeAll(async () => {
    ctx = await makeTestApp(await backend.open(), { coord: makeCoord() });
    admin = await signIn(ctx.app, 'admin');
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.coord.close();
    await ctx.database.close();
  });

  const join = (who: Actor, sessionId: string) => who.post(`/api/sessions/${sessionId}/queue/join`);
  const status = (sessionId: string, token: string) =>
    ctx.app.inject({ url: `/api/sessions/${sessionId}/queue/status?token=${encodeURIComponent(token)}` });
  const enter = (who: Actor, sessionId: string, token: string) =>
    who.post(`/api/sessions/${sessionId}/queue/enter`, { token });
  const holdWith = (who: Actor, sessionId: string, seatIds: string[], access?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/sessions/${sessionId}/holds`,
      headers: { cookie: who.cookie, ...(access ? { 'x-queue-access': access } : {}) },
      payload: { seatIds },
    });
  const tick = () => ctx.app.services.waitingRoom.tick();

  it('shuffles the pre-queue fairly at opening, keeps later arrivals in order, and lets people in', async () => {
    const opensAt = new Date(Date.now() + 2_500);
    const { sessionId } = await publishedSession(ctx.app, {
      queueMode: 'scheduled',
      queueSettings: { prequeueMinutes: 30, outflowPerMinute: 6_000, maxActiveShoppers: 5 },
      salesOpenAt: opensAt,
    });
    ctx.app.services.waitingRoom.rediscover();
    const people = await Promise.all(Array.from({ length: 12 }, () => signIn(ctx.app)));
    const joined = await Promise.all(people.map((p) => join(p, sessionId)));
    for (const j of joined) {
      expect(j.statusCode).toBe(201);
      expect(j.json().status.state).toBe('prequeue');
      expect(j.json().status.position).toBeNull();
    }
    expect(new Set(joined.map((j) => j.json().joinNumber)).size).toBe(12);

    // Joining again: the same place, not a new one.
    const again = await join(people[0]!, sessionId);
    expect(again.statusCode).toBe(200);
    expect(again.json().joinNumber).toBe(joined[0]!.json().joinNumber);
    expect(again.json().fresh).toBe(false);

    // Before their turn, nobody may hold.
    const early = await holdWith(people[0]!, sessionId, ['r0-s0']);
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('QUEUE_ACCESS_REQUIRED');

    await sleep(Math.max(0, opensAt.getTime() - Date.now() + 50));
    await tick(); // the draw
    const serving = (await ctx.app.inject({ url: `/api/sessions/${sessionId}/queue/serving` })).json();
    expect(serving.phase).toBe('open');
    expect(serving.prequeueSize).toBe(12);

    const late = await signIn(ctx.app);
    const lateJoin = await join(late, sessionId);
    expect(lateJoin.json().joinNumber).toBe(13);

    const tokens = joined.map((j) => j.json().token as string);
    const positions = await Promise.all(
      tokens.map(async (t) => (await status(sessionId, t)).json().position),
    );
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    // Shuffled: places are not the join order (an identity draw has a 1 in 12! chance).
    const numbers = joined.map((j) => j.json().joinNumber as number);
    expect(positions.every((p, i) => p === numbers[i])).toBe(false);
    expect((await status(sessionId, lateJoin.json().token)).json().position).toBe(13);

    // Let people in: at most maxActiveShoppers (5) at a time, first places first.
    await sleep(1100);
    await tick();
    const states = await Promise.all(tokens.map(async (t) => (await status(sessionId, t)).json()));
    const admitted = states.filter((s) => s.state === 'admitted');
    expect(admitted.length).toBe(5);
    expect(admitted.map((s) => s.position).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    const waiting = states.find((s) => s.position === 8)!;
    expect(waiting.state).toBe('waiting');
    expect(waiting.ahead).toBe(2);

    const firstIndex = states.findIndex((s) => s.position === 1);
    const first = people[firstIndex]!;
    const access = await enter(first, sessionId, tokens[firstIndex]!);
    expect(access.statusCode).toBe(200);
    const again2 = await enter(first, sessionId, tokens[firstIndex]!);
    expect(again2.json().expiresAt).toBe(access.json().expiresAt);
    expect((await holdWith(first, sessionId, ['r0-s0'], access.json().accessToken)).statusCode).toBe(201);

    // The token is bound to its account and session.
    const thief = people[(firstIndex + 1) % 12]!;
    expect((await enter(thief, sessionId, tokens[firstIndex]!)).json().code).toBe('QUEUE_TOKEN_FOREIGN');
    const stolen = await holdWith(thief, sessionId, ['r0-s5'], access.json().accessToken);
    expect(stolen.statusCode).toBe(403);
    const notYet = states.findIndex((s) => s.state === 'waiting');
    expect((await enter(people[notYet]!, sessionId, tokens[notYet]!)).json().code).toBe('QUEUE_NOT_ADMITTED');
  });

  it('refuses forged, altered and cross-session tokens with a clear 4xx', async () => {
    const a = await publishedSession(ctx.app, {
      queueMode: 'auto',
      queueSettings: { maxActiveShoppers: 100 },
    });
    const b = await publishedSession(ctx.app, { queueMode: 'auto' });
    const who = await signIn(ctx.app);
    const token = (await join(who, a.sessionId)).json().token as string;
    expect((await status(a.sessionId, token)).statusCode).toBe(200);
    const cross = await status(b.sessionId, token);
    expect(cross.statusCode).toBe(400);
    expect(cross.json().code).toBe('QUEUE_TOKEN_INVALID');
    const altered = `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    expect((await status(a.sessionId, altered)).json().code).toBe('QUEUE_TOKEN_INVALID');
    expect((await status(a.sessionId, 'x')).statusCode).toBe(400);
    expect((await ctx.app.inject({ url: `/api/sessions/${a.sessionId}/queue/status` })).statusCode).toBe(400);
  });

  it('shows each live room in /metrics and on the monitoring dashboard', async () => {
    const { sessionId } = await publishedSession(ctx.app, { queueMode: 'auto' });
    ctx.app.services.waitingRoom.rediscover();
    const who = await signIn(ctx.app);
    await join(who, sessionId);
    await tick();
    const metrics = (await ctx.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(new RegExp(`ticketing_queue_admitted\\{session_id="${sessionId}"\\} 1`));
    const perf = (await admin.get('/api/admin/monitoring/performance?minutes=5')).json();
    expect(perf.queues.find((q: { sessionId: string }) => q.sessionId === sessionId)).toMatchObject({
      admitted: 1,
      waiting: 0,
    });
  });

  it('refuses tokens from a queue the coordinator lost, instead of sharing their places', async () => {
    const secret = 'lost-queue-test-secret-0123456789abcdef012345';
    const first = await makeTestApp(ctx.database, { env: { APP_SECRET: secret } });
    const { sessionId } = await publishedSession(first.app, { queueMode: 'scheduled' });
    const who = await signIn(first.app);
    const old = (await who.post(`/api/sessions/${sessionId}/queue/join`)).json();
    expect(old.joinNumber).toBe(1);
    await first.app.close();
    // Same database and secret, a coordinator that remembers nothing (a flushed Redis).
    const second = await makeTestApp(ctx.database, { env: { APP_SECRET: secret } });
    try {
      const res = await second.app.inject({
        url: `/api/sessions/${sessionId}/queue/status?token=${encodeURIComponent(old.token)}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('QUEUE_TOKEN_INVALID');
      const again = await second.app.inject({
        method: 'POST',
        url: `/api/sessions/${sessionId}/queue/join`,
        headers: { cookie: who.cookie },
      });
      expect(again.json().joinNumber).toBe(1); // numbering restarted: the old token must not count
      expect(again.json().token).not.toBe(old.token);
    } finally {
      await second.app.close();
    }
  });

  it('answers 503 with Retry-After when the coordinator is down, and 404 for an unknown session', async () => {
    const coord = createMemoryCoordinator();
    const broken = await makeTestApp(ctx.database, { coord });
    try {
      const { sessionId } = await publishedSession(broken.app, { queueMode: 'auto' });
      const who = await signIn(broken.app);
      const unknown = await who.post(`/api/sessions/${randomUUID()}/queue/join`);
      expect(unknown.statusCode).toBe(404);
      await coord.close();
      const res = await who.post(`/api/sessions/${sessionId}/queue/join`);
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('QUEUE_UNAVAILABLE');
      expect(res.headers['retry-after']).toBe('2');
    } finally {
      await broken.app.close().catch(() => {});
    }
  });

  it('limits joins per account with a 429 and Retry-After', async () => {
    const { sessionId } = await publishedSession(ctx.app, { queueMode: 'auto' });
    const who = await signIn(ctx.app);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await join(who, sessionId)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 201 || c === 200)).toBe(true);
    const limited = await join(who, sessionId);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits joins per address with a 429, without charging it for joins the account limit refused', async () => {
    const { sessionId } = await publishedSession(ctx.app, { queueMode: 'auto' });
    const rooms = ctx.app.services.waitingRoom;
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    // One account joining again and again from the address: a first join and ten repeats, then
    // refused by its own limit; once refused, a flood of its joins is refused before the
    // address's bucket, and refusals leave the address's tokens to the others.
    const abuser = randomUUID();
    // The address's bucket refills from its first take on, so the refill allowance counts from here.
    const started = Date.now();
    for (let i = 0; i < 11; i++) await rooms.join(sessionId, abuser, address);
    expect(await rooms.join(sessionId, abuser, address).catch((err: unknown) => err)).toMatchObject({
      status: 429,
    });
    const abuse = await Promise.allSettled(
      Array.from({ length: 1_500 }, () => rooms.join(sessionId, abuser, address)),
    );
    expect(
      abuse.every((r) => r.status === 'rejected' && (r.reason as { status: number }).status === 429),
    ).toBe(true);
    // Another session's joins from the address have buckets of their own.
    const other = (await publishedSession(ctx.app, { queueMode: 'auto' })).sessionId;
    await Promise.all(Array.from({ length: 50 }, () => rooms.join(other, randomUUID(), address)));
    // 1,200 a minute from one address: 11 went to the abuser, the rest go to other people (plus
    // what the bucket refilled since the abuser's first join, 20 a second), then a 429.
    let allowed = 0;
    let refused: unknown = null;
    while (!refused && allowed < 2_000) {
      const round = await Promise.allSettled(
        Array.from({ length: 100 }, () => rooms.join(sessionId, randomUUID(), address)),
      );
      allowed += round.filter((r) => r.status === 'fulfilled').length;
      refused = round.find((r) => r.status === 'rejected')?.reason ?? null;
    }
    const refilled = Math.ceil(((Date.now() - started) / 60_000) * 1_200) + 1;
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(allowed).toBeGreaterThanOrEqual(1_200 - 11);
    expect(allowed).toBeLessThanOrEqual(1_200 - 11 + refilled);
    expect(await rooms.join(sessionId, randomUUID(), '203.0.113.251')).toMatchObject({ fresh: true });
  });

  it('auto mode below capacity lets people straight in', async () => {
    const { sessionId } = await publishedSession(ctx.app, {
      queueMode: 'auto',
      queueSettings: { maxActiveShoppers: 100 },
    });
    const who = await signIn(ctx.app);
    const j = await join(who, sessionId);
    expect(j.json().status.state).toBe('admitted');
    const access = await enter(who, sessionId, j.json().token);
    expect(access.statusCode).toBe(200);
    expect((await holdWith(who, sessionId, ['r1-s0'], access.json().accessToken)).statusCode).toBe(201);
    expect((await holdWith(who, sessionId, ['r1-s1'])).json().code).toBe('QUEUE_ACCESS_REQUIRED');
  });

  it('has no queue where none is configured, and a pre-queue that opens on time', async () => {
    const off = await publishedSession(ctx.app);
    const who = await signIn(ctx.app);
    expect((await join(who, off.sessionId)).json().code).toBe('QUEUE_OFF');
    const serving = await ctx.app.inject({ url: `/api/sessions/${off.sessionId}/queue/serving` });
    expect(serving.json().phase).toBe('off');
    expect(serving.headers['cache-control']).toBe('public, max-age=2');
    expect((await holdWith(who, off.sessionId, ['r2-s0'])).statusCode).toBe(201);

    const later = await publishedSession(ctx.app, {
      queueMode: 'scheduled',
      queueSettings: { prequeueMinutes: 10 },
      salesOpenAt: new Date(Date.now() + 3 * 3600_000),
    });
    const early = await join(who, later.sessionId);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('QUEUE_NOT_OPEN');
    expect(early.json().opensAt).toBeDefined();
    const unknown = await ctx.app.inject({ url: `/api/sessions/${randomUUID()}/queue/serving` });
    expect(unknown.statusCode).toBe(404);
  });

  it('lets only admins watch and steer the room: pause holds everyone, a new rate is kept', async () => {
    const { sessionId } = await publishedSession(ctx.app, {
      queueMode: 'scheduled',
      queueSettings: { outflowPerMinute: 6_000, maxActiveShoppers: 50 },
    });
    ctx.app.services.waitingRoom.rediscover();
    const user = await signIn(ctx.app);
    expect((await user.get(`/api/admin/sessions/${sessionId}/queue`)).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: `/api/admin/sessions/${sessionId}/queue` })).statusCode).toBe(401);

    await tick(); // seals an empty pre-queue: sales opened an hour ago
    const paused = await admin.post(`/api/admin/sessions/${sessionId}/queue`, { action: 'pause' });
    expect(paused.statusCode).toBe(200);
    expect(paused.json().serving.paused).toBe(true);
    const people = await Promise.all(Array.from({ length: 3 }, () => signIn(ctx.app)));
    const tokens = await Promise.all(people.map(async (p) => (await join(p, sessionId)).json().token));
    await sleep(1100);
    await tick();
    const s = (await status(sessionId, tokens[0])).json();
    expect(s.state).toBe('waiting');
    expect(s.paused).toBe(true);
    expect(s.etaSeconds).toBeNull();

    const resumed = await admin.post(`/api/admin/sessions/${sessionId}/queue`, { action: 'resume' });
    expect(resumed.json().serving.paused).toBe(false);
    await sleep(1100);
    await tick();
    const monitor = (await admin.get(`/api/admin/sessions/${sessionId}/queue`)).json();
    expect(monitor.serving.serving).toBe(3);
    expect(monitor.waiting).toBe(0);
    expect(monitor.pendingAdmissions).toBe(3);

    const rate = await admin.post(`/api/admin/sessions/${sessionId}/queue`, { outflowPerMinute: 120 });
    expect(rate.json().serving.outflowPerMinute).toBe(120);
    const stored = (await admin.get(`/api/admin/sessions/${sessionId}`)).json();
    expect(stored.queueSettings.outflowPerMinute).toBe(120);
    const bad = await admin.post(`/api/admin/sessions/${sessionId}/queue`, { outflowPerMinute: -1 });
    expect(bad.statusCode).toBe(400);
  });
});
