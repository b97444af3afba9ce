import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../../test/app.ts';
import { openPostgres, type TestDatabase } from '../../../test/databases.ts';
import { publishedSession } from '../../../test/fixtures.ts';
import { type ServerProcess, startServerPair } from '../../../test/server-process.ts';
import { requireService, TEST_REDIS_URL } from '../../../test/services.ts';
import { raceClient } from '../orders/race-client.ts';

/**
 * The waiting room across two real server processes sharing PostgreSQL and Redis: people join
 * through either, their places are unique, the serving number only grows wherever it is read,
 * someone let in by one process holds seats through the other, and when one process dies the
 * other carries on from the same serving number.
 */
const PEOPLE = 40;
const pgUp = await requireService('postgres');
const redisUp = await requireService('redis');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(pgUp && redisUp)('waiting room across two server processes (PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    db = await openPostgres(10);
    servers = await startServerPair({ databaseUrl: db.url!, redisUrl: TEST_REDIS_URL, name: 'wr-x' });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.close();
  });

  it('hands out unique places, only ever raises the serving number, and admits across processes', async () => {
    const setup = await makeTestApp(db);
    const opensAt = new Date(Date.now() + 9_000);
    const { sessionId } = await publishedSession(setup.app, {
      queueMode: 'scheduled',
      queueSettings: { prequeueMinutes: 30, outflowPerMinute: 240, maxActiveShoppers: 100 },
      salesOpenAt: opensAt,
    });
    await setup.app.close();

    // Everyone signs up and joins before opening, through alternating processes.
    const people = await Promise.all(
      Array.from({ length: PEOPLE }, async (_, i) => {
        const via = servers[i % 2]!;
        const client = raceClient(via.url, `10.88.${i >> 8}.${i & 255}`);
        await client.signUp(`queuer${i}-${randomUUID()}@example.com`);
        const j = await client.call('POST', `/api/sessions/${sessionId}/queue/join`);
        if (j.status !== 201) throw new Error(`join failed: ${j.status} ${JSON.stringify(j.json)}`);
        return { client, i, token: j.json.token as string, number: j.json.joinNumber as number };
      }),
    );
    expect(new Set(people.map((p) => p.number)).size).toBe(PEOPLE);

    const servingOn = async (s: ServerProcess) =>
      (
        (await (await fetch(`${s.url}/api/sessions/${sessionId}/queue/serving`)).json()) as {
          serving: number;
        }
      ).serving;
    const statusOn = async (s: ServerProcess, p: (typeof people)[number]) =>
      (await (
        await fetch(`${s.url}/api/sessions/${sessionId}/queue/status?token=${encodeURIComponent(p.token)}`, {
          headers: { 'x-forwarded-for': `10.89.0.${p.i}` },
        })
      ).json()) as { position: number; state: string };

    // Watch the serving number on both processes until some are in.
    const seen: number[][] = [[], []];
    const watch = async (on: number[], until: number) => {
      const deadline = Date.now() + 40_000;
      for (;;) {
        await sleep(200);
        const now = await Promise.all(on.map((k) => servingOn(servers[k]!)));
        now.forEach((v, j) => {
          seen[on[j]!]!.push(v);
        });
        if (now.every((v) => v >= until)) return;
        if (Date.now() > deadline) throw new Error(`serving stuck at ${now.join(', ')} (want ${until})`);
      }
    };
    await watch([0, 1], 8);

    // Let in (as computed by process 1), entering through process 0, holding through process 1.
    const states = await Promise.all(people.map((p) => statusOn(servers[1]!, p)));
    const first = people[states.findIndex((s) => s.state === 'admitted')]!;
    const enter = await fetch(`${servers[0]!.url}/api/sessions/${sessionId}/queue/enter`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: first.client.cookie() },
      body: JSON.stringify({ token: first.token }),
    });
    expect(enter.status).toBe(200);
    const hold = await fetch(`${servers[1]!.url}/api/sessions/${sessionId}/holds`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: first.client.cookie(),
        'x-queue-access': ((await enter.json()) as { accessToken: string }).accessToken,
      },
      body: JSON.stringify({ seatIds: ['r0-s0', 'r0-s1'] }),
    });
    expect(hold.status).toBe(201);

    // Process 0 goes away (it may be the leader): process 1 carries on from where it was.
    await servers[0]!.stop();
    await watch([1], PEOPLE);
    for (const series of seen) {
      for (let k = 1; k < series.length; k++) expect(series[k]).toBeGreaterThanOrEqual(series[k - 1]!);
    }

    // Places are a permutation of 1..PEOPLE, and everyone is in.
    const positions = await Promise.all(people.map((p) => statusOn(servers[1]!, p)));
    expect(positions.map((p) => p.position).sort((a, b) => a - b)).toEqual(
      Array.from({ length: PEOPLE }, (_, i) => i + 1),
    );
    expect(positions.every((p) => p.state === 'admitted')).toBe(true);
  }, 120_000);
});
