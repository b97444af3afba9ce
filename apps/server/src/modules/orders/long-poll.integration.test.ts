import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, signIn } from '../../../test/actors.ts';
import { makeTestApp } from '../../../test/app.ts';
import { databaseBackends } from '../../../test/databases.ts';
import { publishedSession } from '../../../test/fixtures.ts';
import { RECHECK_MS } from './settlement.ts';

/**
 * GET /api/orders/:id?waitFor=settled: the buyer back from the payment page asks once and is
 * answered when the webhook has settled the order, not by polling. (Across two server processes:
 * long-poll.cross-process.integration.test.ts.)
 */
const backends = await databaseBackends();

describe.each(backends)('waiting for an order to settle on $name', (backend) => {
  let ctx: Awaited<ReturnType<typeof makeTestApp>>;
  let sessionId: string;
  let seats = 0;
  const nextSeat = () => `r${Math.floor(seats / 10)}-s${seats++ % 10}`;

  const settle = async () => {
    for (let i = 0; i < 5; i++) await ctx.app.services.testpay.deliverDue();
  };
  /** A fresh pending order of `who` for two free seats, with its payment id. */
  const pendingOrder = async (who: Actor) => {
    const hold = await who.post(`/api/sessions/${sessionId}/holds`, {
      seatIds: [nextSeat(), nextSeat()],
    });
    expect(hold.statusCode, hold.body).toBe(201);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { cookie: who.cookie, 'idempotency-key': randomUUID() },
      payload: { holdId: hold.json().holdId },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { orderId: res.json().id as string, paymentId: res.json().payment.id as string };
  };
  const pay = (paymentId: string, cardNumber: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/testpay/payments/${paymentId}/confirm`,
      payload: { cardNumber },
    });
  const waitFor = (who: Actor, orderId: string, timeoutMs: number) =>
    who.get(`/api/orders/${orderId}?waitFor=settled&timeoutMs=${timeoutMs}`);

  beforeAll(async () => {
    ctx = await makeTestApp(await backend.open());
    sessionId = (await publishedSession(ctx.app)).sessionId;
    // Webhooks go out only when a test says so, so a wait can be caught while the order is pending.
    await ctx.app.services.testpay.stopDelivery();
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.database.close();
  });

  it('answers a waiting buyer as soon as the payment webhook marks the order paid', async () => {
    const ann = await signIn(ctx.app);
    const { orderId, paymentId } = await pendingOrder(ann);
    ctx.app.services.testpay.testing.holdDeliveries(true);
    const t0 = performance.now();
    let answeredAt = 0;
    const waiting = waitFor(ann, orderId, 20_000).then((r) => {
      answeredAt = performance.now();
      return r;
    });
    expect((await pay(paymentId, '4242 4242 4242 4242')).json().status).toBe('succeeded');
    await new Promise((r) => setTimeout(r, 300));
    expect(answeredAt, 'answered before the webhook arrived').toBe(0);
    expect(ctx.app.services.orders.settlement.waiting()).toBe(1);
    ctx.app.services.testpay.testing.holdDeliveries(false);
    await settle();
    const res = await waiting;
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('paid');
    expect(res.json().tickets).toHaveLength(2);
    // Woken by the settlement, not by the periodic re-read.
    expect(answeredAt - t0).toBeLessThan(RECHECK_MS);
    expect(ctx.app.services.orders.settlement.waiting()).toBe(0);
  });

  it('answers a waiting buyer when the payment fails', async () => {
    const ben = await signIn(ctx.app);
    const { orderId, paymentId } = await pendingOrder(ben);
    const waiting = waitFor(ben, orderId, 20_000);
    await new Promise((r) => setTimeout(r, 100));
    expect((await pay(paymentId, '4000 0000 0000 0002')).json().status).toBe('failed');
    await settle();
    const res = await waiting;
    expect(res.json().status).toBe('failed');
  });

  it('answers with the order still pending when the wait times out', async () => {
    const cat = await signIn(ctx.app);
    const { orderId } = await pendingOrder(cat);
    const t0 = performance.now();
    const res = await waitFor(cat, orderId, 400);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('pending');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(390);
    expect(ctx.app.services.orders.settlement.waiting()).toBe(0);
  });

  it('answers a settled order at once, and a plain GET never waits', async () => {
    const dan = await signIn(ctx.app);
    const { orderId, paymentId } = await pendingOrder(dan);
    const t0 = performance.now();
    expect((await dan.get(`/api/orders/${orderId}`)).json().status).toBe('pending');
    expect(performance.now() - t0).toBeLessThan(2_000);
    await pay(paymentId, '4242424242424242');
    await settle();
    const t1 = performance.now();
    expect((await waitFor(dan, orderId, 20_000)).json().status).toBe('paid');
    expect(performance.now() - t1).toBeLessThan(2_000);
  });

  it('refuses bad wait parameters with a problem', async () => {
    const eve = await signIn(ctx.app);
    const { orderId } = await pendingOrder(eve);
    for (const query of [
      'waitFor=paid',
      'waitFor=settled&timeoutMs=25001',
      'waitFor=settled&timeoutMs=-1',
      'waitFor=settled&timeoutMs=soon',
      'waitFor=settled&timeoutMs=1.5',
      'timeoutMs=1000',
    ]) {
      const res = await eve.get(`/api/orders/${orderId}?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type'], query).toMatch(/^application\/problem\+json/);
      expect(res.json().code, query).toBe('VALIDATION');
    }
  });

  it('says 404 for someone else’s order, without waiting', async () => {
    const fay = await signIn(ctx.app);
    const gus = await signIn(ctx.app);
    const { orderId } = await pendingOrder(fay);
    const t0 = performance.now();
    const res = await waitFor(gus, orderId, 20_000);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect((await waitFor(gus, randomUUID(), 20_000)).statusCode).toBe(404);
    expect(ctx.app.services.orders.settlement.waiting()).toBe(0);
  });
});
