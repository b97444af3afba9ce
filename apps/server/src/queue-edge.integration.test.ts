import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../test/app.ts';
import { openPostgres, type TestDatabase } from '../test/databases.ts';
import { publishedSession } from '../test/fixtures.ts';
import {
  clusterEnv,
  type ServerProcess,
  startQueueEdgeProcess,
  startServerProcess,
} from '../test/server-process.ts';
import { requireService, TEST_REDIS_URL } from '../test/services.ts';
import { raceClient } from './modules/orders/race-client.ts';

/**
 * A queue edge process (queue-edge.ts) beside a full server process, sharing PostgreSQL and Redis:
 * people join through the full process and poll the edge, and the edge answers exactly what the
 * full process answers, for good tokens and bad ones, and follows the room as it is led.
 */
const PEOPLE = 12;
const pgUp = await requireService('postgres');
const redisUp = await requireService('redis');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(pgUp && redisUp)('queue edge beside a full server process (PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let full: ServerProcess;
  let edge: ServerProcess;

  beforeAll(async () => {
    db = await openPostgres(10);
    const env = clusterEnv({ databaseUrl: db.url!, redisUrl: TEST_REDIS_URL, name: 'edge' });
    [full, edge] = await Promise.all([startServerProcess(env), startQueueEdgeProcess(env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([full?.stop(), edge?.stop()]);
    await db?.close();
  });

  it('answers polls and the serving state exactly as the full process does, as the queue moves', async () => {
    const setup = await makeTestApp(db);
    const opensAt = new Date(Date.now() + 6_000);
    const { sessionId } = await publishedSession(setup.app, {
      queueMode: 'scheduled',
      queueSettings: { prequeueMinutes: 30, outflowPerMinute: 120, maxActiveShoppers: 100 },
      salesOpenAt: opensAt,
    });
    await setup.app.close();

    // Before anyone joins, the edge has never seen this room: it reads it like any process.
    const servingPath = `/api/sessions/${sessionId}/queue/serving`;
    const first = await fetch(edge.url + servingPath);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=2');
    expect(((await first.json()) as { phase: string }).phase).toBe('prequeue');

    const people = await Promise.all(
      Array.from({ length: PEOPLE }, async (_, i) => {
        const client = raceClient(full.url, `10.77.0.${i}`);
        await client.signUp(`edge${i}-${randomUUID()}@example.com`);
        const j = await client.call('POST', `/api/sessions/${sessionId}/queue/join`);
        if (j.status !== 201) throw new Error(`join failed: ${j.status} ${JSON.stringify(j.json)}`);
        return { i, token: j.json.token as string };
      }),
    );
    const statusPath = (token: string) =>
      `/api/sessions/${sessionId}/queue/status?token=${encodeURIComponent(token)}`;
    const poll = async (s: ServerProcess, token: string, ip: string) => {
      const r = await fetch(s.url + statusPath(token), { headers: { 'x-forwarded-for': ip } });
      return {
        status: r.status,
        type: r.headers.get('content-type'),
        body: (await r.json()) as Record<string, unknown>,
      };
    };
    // The same answers from both, but for the ETA (it moves with the moment it is computed at):
    // compared while the queue stands still, before opening and once everyone is in.
    const compareAll = async () => {
      for (const p of people) {
        const [onFull, onEdge] = await Promise.all([
          poll(full, p.token, `10.78.0.${p.i}`),
          poll(edge, p.token, `10.79.0.${p.i}`),
        ]);
        expect(onEdge.status).toBe(200);
        expect(onEdge.type).toBe(onFull.type);
        expect({ ...onEdge.body, etaSeconds: null }).toEqual({ ...onFull.body, etaSeconds: null });
      }
    };
    await compareAll();

    // Sales open, the full process leads the room, and the edge follows it.
    const deadline = Date.now() + 40_000;
    for (;;) {
      const s = (await (await fetch(edge.url + servingPath)).json()) as { serving: number };
      if (s.serving >= PEOPLE) break;
      if (Date.now() > deadline) throw new Error(`edge stuck at serving ${s.serving}`);
      await sleep(250);
    }
    await compareAll();
    const onEdge = await Promise.all(people.map((p) => poll(edge, p.token, `10.80.0.${p.i}`)));
    expect(new Set(onEdge.map((r) => r.body.position)).size).toBe(PEOPLE);
    expect(onEdge.every((r) => r.body.state === 'admitted')).toBe(true);

    // Bad input: the same problem+json as the full process, never a 500.
    const forged = `${people[0]!.token.slice(0, -4)}AAAA`;
    for (const token of [forged, 'nonsense', '']) {
      const [a, b] = await Promise.all([poll(full, token, '10.81.0.1'), poll(edge, token, '10.81.0.2')]);
      expect(b.status).toBe(a.status);
      expect(b.status).toBeGreaterThanOrEqual(400);
      expect(b.status).toBeLessThan(500);
      expect(b.type).toContain('application/problem+json');
      expect(b.body.code).toBe(a.body.code);
    }
    const other = await fetch(`${edge.url}/api/sessions/${randomUUID()}/queue/serving`);
    expect(other.status).toBe(404);

    // Nothing else is served here.
    const join = await fetch(`${edge.url}/api/sessions/${sessionId}/queue/join`, { method: 'POST' });
    expect(join.status).toBe(404);
    expect(((await join.json()) as { code: string }).code).toBe('ROUTE_NOT_FOUND');
    const ready = (await (await fetch(`${edge.url}/api/ready`)).json()) as { checks: object };
    expect(Object.keys(ready.checks).sort()).toEqual(['coordinator', 'db']);
  }, 120_000);
});
