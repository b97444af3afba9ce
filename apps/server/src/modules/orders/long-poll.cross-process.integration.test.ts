import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../../test/app.ts';
import { openPostgres, type TestDatabase } from '../../../test/databases.ts';
import { publishedSession } from '../../../test/fixtures.ts';
import { type ServerProcess, startServerPair } from '../../../test/server-process.ts';
import { requireService, TEST_REDIS_URL } from '../../../test/services.ts';
import { raceClient } from './race-client.ts';
import { RECHECK_MS } from './settlement.ts';

/**
 * A buyer waits for their order (GET ?waitFor=settled) in both of two server processes sharing
 * PostgreSQL and Redis. The payment's webhook is handled by one of them; the other learns of it
 * only through the coordinator. Both must answer "paid" well before their periodic re-read.
 */
const pgUp = await requireService('postgres');
const redisUp = await requireService('redis');

describe.runIf(pgUp && redisUp)('waiting for an order across two server processes', () => {
  let db: TestDatabase;
  let servers: ServerProcess[] = [];
  let sessionId: string;

  beforeAll(async () => {
    db = await openPostgres(10);
    const setup = await makeTestApp(db);
    sessionId = (await publishedSession(setup.app)).sessionId;
    await setup.app.close();
    servers = await startServerPair({ databaseUrl: db.url!, redisUrl: TEST_REDIS_URL, name: 'orders-wait' });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.close();
  });

  it('wakes the waiter in the process that did not handle the webhook', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const me = raceClient(a.url, '10.79.0.1');
    await me.signUp(`waiter-${randomUUID()}@example.com`);
    const hold = await me.call('POST', `/api/sessions/${sessionId}/holds`, { seatIds: ['r2-s4', 'r2-s5'] });
    expect(hold.status).toBe(201);
    const order = await me.call(
      'POST',
      '/api/orders',
      { holdId: hold.json.holdId },
      { 'idempotency-key': randomUUID() },
    );
    expect(order.status).toBe(201);

    const wait = async (server: ServerProcess) => {
      const res = await fetch(`${server.url}/api/orders/${order.json.id}?waitFor=settled&timeoutMs=20000`, {
        headers: { cookie: me.cookie(), 'x-forwarded-for': '10.79.0.1' },
      });
      return { status: res.status, body: (await res.json()) as { status: string }, at: performance.now() };
    };
    const waiting = [wait(a), wait(b)];
    const settledBefore = await Promise.race([
      Promise.all(waiting).then(() => true),
      new Promise((r) => setTimeout(() => r(false), 500)),
    ]);
    expect(settledBefore, 'the waits answered before anyone paid').toBe(false);

    const t0 = performance.now();
    const paid = await me.call('POST', `/api/testpay/payments/${order.json.payment.id}/confirm`, {
      cardNumber: '4242424242424242',
    });
    expect(paid.json.status).toBe('succeeded');
    for (const r of await Promise.all(waiting)) {
      expect(r.status).toBe(200);
      expect(r.body.status).toBe('paid');
      // The webhook lands within a second; without the hint this process would re-read at RECHECK_MS.
      expect(r.at - t0).toBeLessThan(RECHECK_MS - 1_000);
    }
  }, 60_000);
});
