import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/actors.ts';
import { makeTestApp } from '../../../test/app.ts';
import { databaseBackends } from '../../../test/databases.ts';
import { publishedSession } from '../../../test/fixtures.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { queryRows } from '../../db/client.ts';

/**
 * TICKET_WORKERS=false: a web process takes payments (and enqueues the ticket email in the paying
 * transaction) but renders and sends nothing; a process with workers on delivers it.
 */
const backends = await databaseBackends();

describe('TICKET_WORKERS', () => {
  it('is on by default and refuses anything but a yes or no', () => {
    expect(loadConfig({}).tickets.workers).toBe(true);
    expect(loadConfig({ TICKET_WORKERS: 'false' }).tickets.workers).toBe(false);
    expect(() => loadConfig({ TICKET_WORKERS: 'sometimes' })).toThrow(ConfigError);
  });
});

describe.each(backends)('ticket delivery off in the web process on $name', (backend) => {
  let web: Awaited<ReturnType<typeof makeTestApp>>;
  let sessionId: string;

  beforeAll(async () => {
    web = await makeTestApp(await backend.open(), { env: { TICKET_WORKERS: 'false' } });
    sessionId = (await publishedSession(web.app)).sessionId;
  });
  afterAll(async () => {
    await web.app.close();
    await web.database.close();
  });

  it('leaves the paid order’s email to a process with workers on', async () => {
    const ann = await signIn(web.app);
    const hold = await ann.post(`/api/sessions/${sessionId}/holds`, { seatIds: ['r3-s3', 'r3-s4'] });
    const order = await web.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { cookie: ann.cookie, 'idempotency-key': randomUUID() },
      payload: { holdId: hold.json().holdId },
    });
    const paymentId = order.json().payment.id;
    await web.app.inject({
      method: 'POST',
      url: `/api/testpay/payments/${paymentId}/confirm`,
      payload: { cardNumber: '4242424242424242' },
    });
    for (let i = 0; i < 5; i++) await web.app.services.testpay.deliverDue();
    expect((await ann.get(`/api/orders/${order.json().id}`)).json().status).toBe('paid');
    const status = async () =>
      (
        await queryRows<{ status: string }>(
          web.database.db,
          sql`select status from ticket_deliveries where order_id = ${order.json().id}`,
        )
      )[0]?.status;
    // Idle workers anywhere poll every 2 s; none runs here, so it stays queued well past that.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await status()).toBe('queued');

    const worker = await makeTestApp(web.database);
    try {
      for (let i = 0; i < 100 && (await status()) !== 'sent'; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(await status()).toBe('sent');
    } finally {
      await worker.app.close();
    }
  });
});
