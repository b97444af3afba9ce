import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, signIn } from '../../../test/actors.ts';
import { makeTestApp } from '../../../test/app.ts';
import { databaseBackends } from '../../../test/databases.ts';
import { publishedSession } from '../../../test/fixtures.ts';
import { queryRows } from '../../db/client.ts';
import { signWebhook } from '../payments/webhook-format.ts';

const backends = await databaseBackends();

describe.each(backends)('orders and payment on $name', (backend) => {
  let ctx: Awaited<ReturnType<typeof makeTestApp>>;
  let sessionId: string;

  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db, q);
  const settle = async () => {
    for (let i = 0; i < 5; i++) await ctx.app.services.testpay.deliverDue();
  };
  const holdSeats = async (who: Actor, seatIds: string[], session = sessionId) => {
    const res = await who.post(`/api/sessions/${session}/holds`, { seatIds });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().holdId as string;
  };
  const order = (who: Actor, holdId: string, key: string | null = randomUUID()) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { cookie: who.cookie, ...(key ? { 'idempotency-key': key } : {}) },
      payload: { holdId },
    });
  const pay = (paymentId: string, cardNumber: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/testpay/payments/${paymentId}/confirm`,
      payload: { cardNumber },
    });
  const seatStatus = async (seatId: string, session = sessionId) =>
    (
      await rows<{ status: string }>(
        sql`select status from seat_inventory where session_id = ${session} and seat_id = ${seatId}`,
      )
    )[0]!.status;

  beforeAll(async () => {
    ctx = await makeTestApp(await backend.open());
    sessionId = (await publishedSession(ctx.app)).sessionId;
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.database.close();
  });

  it('goes hold → order → pay → tickets, and the order is paid only by the webhook', async () => {
    const ann = await signIn(ctx.app);
    const holdId = await holdSeats(ann, ['r0-s0', 'r0-s1']);
    const created = await order(ann, holdId);
    expect(created.statusCode).toBe(201);
    const o = created.json();
    expect(o.status).toBe('pending');
    expect(o.totalCents).toBe(4000);
    expect(o.payment.redirectUrl).toMatch(/^\/pay\/pay_/);
    await ctx.app.services.testpay.stopDelivery();
    ctx.app.services.testpay.testing.holdDeliveries(true);
    expect((await pay(o.payment.id, '4242 4242 4242 4242')).json().status).toBe('succeeded');
    // The provider says succeeded, but until its webhook arrives the order is not paid.
    expect((await ann.get(`/api/orders/${o.id}`)).json().status).toBe('pending');
    ctx.app.services.testpay.testing.holdDeliveries(false);
    await settle();
    const paid = (await ann.get(`/api/orders/${o.id}`)).json();
    expect(paid.status).toBe('paid');
    expect(paid.tickets).toHaveLength(2);
    expect(await seatStatus('r0-s0')).toBe('sold');
    const mine = (await ann.get('/api/me/orders')).json().items;
    expect(mine.map((x: { id: string }) => x.id)).toContain(o.id);
  });

  it('requires an Idempotency-Key and answers the same order for the same key sent twice at once', async () => {
    const ben = await signIn(ctx.app);
    const holdId = await holdSeats(ben, ['r1-s0']);
    expect((await order(ben, holdId, null)).statusCode).toBe(400);
    const key = randomUUID();
    const [a, b] = await Promise.all([order(ben, holdId, key), order(ben, holdId, key)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const n = await rows<{ n: number }>(sql`select count(*)::int as n from orders where hold_id = ${holdId}`);
    expect(n[0]!.n).toBe(1);
    const other = await order(ben, holdId, randomUUID());
    expect(other.statusCode).toBe(409);
  });

  it('fails the order on a declined card and lets the buyer try again on the same hold', async () => {
    const cy = await signIn(ctx.app);
    const holdId = await holdSeats(cy, ['r1-s5']);
    const first = (await order(cy, holdId)).json();
    expect((await pay(first.payment.id, '4000 0000 0000 0002')).json().status).toBe('failed');
    await settle();
    expect((await cy.get(`/api/orders/${first.id}`)).json().status).toBe('failed');
    expect(await seatStatus('r1-s5')).toBe('held');
    const second = (await order(cy, holdId)).json();
    expect(second.id).not.toBe(first.id);
    await pay(second.payment.id, '4242424242424242');
    await settle();
    expect((await cy.get(`/api/orders/${second.id}`)).json().status).toBe('paid');
  });

  it('sells a late payment if the seats are still free after the hold expired', async () => {
    const di = await signIn(ctx.app);
    const holdId = await holdSeats(di, ['r2-s0']);
    const o = (await order(di, holdId)).json();
    await ctx.database.db.execute(
      sql`update holds set expires_at = now() - interval '1 second' where id = ${holdId}`,
    );
    await ctx.database.db.execute(
      sql`update seat_inventory set hold_expires_at = now() - interval '1 second' where hold_id = ${holdId}`,
    );
    await ctx.app.services.booking.sweepExpiredHolds();
    expect(await seatStatus('r2-s0')).toBe('available');
    await pay(o.payment.id, '4242424242424242');
    await settle();
    const after = (await di.get(`/api/orders/${o.id}`)).json();
    expect(after.status).toBe('paid');
    expect(await seatStatus('r2-s0')).toBe('sold');
  });

  it('refunds a late payment automatically when the seats were taken meanwhile', async () => {
    const ed = await signIn(ctx.app);
    const fay = await signIn(ctx.app);
    const holdId = await holdSeats(ed, ['r2-s5', 'r2-s6']);
    const o = (await order(ed, holdId)).json();
    await ctx.database.db.execute(
      sql`update seat_inventory set hold_expires_at = now() - interval '1 second' where hold_id = ${holdId}`,
    );
    await ctx.database.db.execute(
      sql`update holds set expires_at = now() - interval '1 second' where id = ${holdId}`,
    );
    await holdSeats(fay, ['r2-s6']);
    await pay(o.payment.id, '4242424242424242');
    await settle();
    const after = (await ed.get(`/api/orders/${o.id}`)).json();
    expect(after.status).toBe('refunded');
    expect(after.tickets).toHaveLength(0);
    expect(after.refundedCents).toBe(o.totalCents);
    expect(after.failureReason).toMatch(/refunded/);
    expect(await seatStatus('r2-s6')).toBe('held');
  });

  it('takes standing places again for a late payment, or refunds it when they are gone', async () => {
    const ga = (await publishedSession(ctx.app, { kind: 'ga-svg' })).sessionId;
    const remaining = async () =>
      (
        await rows<{ remaining: number }>(
          sql`select remaining from ga_inventory where session_id = ${ga} and area_id = 'pit'`,
        )
      )[0]!.remaining;
    const expire = async (holdId: string) => {
      await ctx.database.db.execute(
        sql`update holds set expires_at = now() - interval '1 second' where id = ${holdId}`,
      );
      await ctx.app.services.booking.sweepExpiredHolds();
    };
    const standing = async (who: Actor, quantity: number) => {
      const res = await who.post(`/api/sessions/${ga}/holds`, { gaAreaId: 'pit', quantity });
      expect(res.statusCode, res.body).toBe(201);
      return (await order(who, res.json().holdId)).json();
    };

    // Still free after the hold ended: the places are taken again and the order is paid.
    const hal = await signIn(ctx.app);
    const first = await standing(hal, 3);
    await expire(first.holdId);
    expect(await remaining()).toBe(10);
    await pay(first.payment.id, '4242424242424242');
    await settle();
    const paid = (await hal.get(`/api/orders/${first.id}`)).json();
    expect(paid.status).toBe('paid');
    expect(paid.tickets).toHaveLength(3);
    expect(await remaining()).toBe(7);

    // Gone meanwhile: nothing is taken, the order fails and is refunded in full.
    const ida = await signIn(ctx.app);
    const jon = await signIn(ctx.app);
    const late = await standing(ida, 4);
    await expire(late.holdId);
    await standing(jon, 5);
    expect(await remaining()).toBe(2);
    await pay(late.payment.id, '4242424242424242');
    await settle();
    const refunded = (await ida.get(`/api/orders/${late.id}`)).json();
    expect(refunded.status).toBe('refunded');
    expect(refunded.tickets).toHaveLength(0);
    expect(refunded.refundedCents).toBe(late.totalCents);
    expect(await remaining()).toBe(2);
  });

  it('ignores a duplicated webhook and one that arrives out of order', async () => {
    const gus = await signIn(ctx.app);
    const holdId = await holdSeats(gus, ['r3-s0']);
    const o = (await order(gus, holdId)).json();
    const gateway = ctx.app.services.testpay;
    gateway.testing.holdDeliveries(true);
    await pay(o.payment.id, '4000 0000 0000 3220'); // requires_action first
    await ctx.app.inject({
      method: 'POST',
      url: `/api/testpay/payments/${o.payment.id}/authenticate`,
      payload: { approve: true },
    });
    await gateway.testing.deliverInOrder('reverse'); // succeeded arrives before requires_action
    gateway.testing.holdDeliveries(false);
    await settle();
    expect((await gus.get(`/api/orders/${o.id}`)).json().status).toBe('paid');
    const events = await gateway.testing.events(o.payment.id);
    const succeeded = events.find((e) => e.type === 'payment.succeeded')!;
    expect((await gateway.testing.redeliver(succeeded.id)).status).toBe(200);
    const tickets = await rows<{ n: number }>(
      sql`select count(*)::int as n from tickets where order_id = ${o.id}`,
    );
    expect(tickets[0]!.n).toBe(1);
    expect((await gus.get(`/api/orders/${o.id}`)).json().payment.status).toBe('succeeded');
  });

  it('rejects a forged webhook signature and changes nothing', async () => {
    const hal = await signIn(ctx.app);
    const holdId = await holdSeats(hal, ['r3-s5']);
    const o = (await order(hal, holdId)).json();
    const body = JSON.stringify({
      id: 'evt_forged',
      type: 'payment.succeeded',
      created: Date.now(),
      data: {
        paymentId: o.payment.id,
        orderId: o.id,
        amountCents: o.totalCents,
        currency: 'EUR',
        status: 'succeeded',
      },
    });
    const forged = await ctx.app.inject({
      method: 'POST',
      url: '/api/payments/webhook',
      headers: {
        'content-type': 'application/json',
        'testpay-signature': signWebhook('not-the-secret', body),
      },
      payload: body,
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().code).toBe('WEBHOOK_REJECTED');
    const unsigned = await ctx.app.inject({
      method: 'POST',
      url: '/api/payments/webhook',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(400);
    expect((await hal.get(`/api/orders/${o.id}`)).json().status).toBe('pending');
    expect(await seatStatus('r3-s5')).toBe('held');
  });

  it('cancels before the cut-off: tickets void, seats free at once, money back; twice is refused', async () => {
    const ivy = await signIn(ctx.app);
    const holdId = await holdSeats(ivy, ['r4-s0', 'r4-s1']);
    const o = (await order(ivy, holdId)).json();
    await pay(o.payment.id, '4242424242424242');
    await settle();
    const paid = (await ivy.get(`/api/orders/${o.id}`)).json();
    expect(paid.cancellable).toBe(true);
    const one = await ivy.post(`/api/orders/${o.id}/cancel`, { ticketIds: [paid.tickets[0].id] });
    expect(one.statusCode).toBe(200);
    expect(one.json().status).toBe('paid');
    expect(await seatStatus(paid.tickets[0].seatId)).toBe('available');
    const rest = await ivy.post(`/api/orders/${o.id}/cancel`, {});
    expect(rest.statusCode).toBe(200);
    await settle();
    const done = (await ivy.get(`/api/orders/${o.id}`)).json();
    expect(done.status).toBe('refunded');
    expect(done.refundedCents).toBe(o.totalCents);
    expect(done.tickets.every((t: { status: string }) => t.status === 'cancelled')).toBe(true);
    const again = await ivy.post(`/api/orders/${o.id}/cancel`, {});
    expect(again.statusCode).toBe(409);
    const stranger = await signIn(ctx.app);
    expect((await stranger.post(`/api/orders/${o.id}/cancel`, {})).statusCode).toBe(404);
  });

  it('refuses cancellation after the cut-off with a clear message', async () => {
    const soon = (await publishedSession(ctx.app, { startsInHours: 2, cancelCutoffHours: 24 })).sessionId;
    const jo = await signIn(ctx.app);
    const holdId = await holdSeats(jo, ['r0-s0'], soon);
    const o = (await order(jo, holdId)).json();
    await pay(o.payment.id, '4242424242424242');
    await settle();
    const res = await jo.post(`/api/orders/${o.id}/cancel`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CANCELLATION_CLOSED');
    expect(await seatStatus('r0-s0', soon)).toBe('sold');
  });

  it('does not let a new hold silently replace seats that are being paid for', async () => {
    const max = await signIn(ctx.app);
    const holdId = await holdSeats(max, ['r5-s5']);
    const o = (await order(max, holdId)).json();
    const again = await max.post(`/api/sessions/${sessionId}/holds`, { seatIds: ['r5-s6'] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CHECKOUT_IN_PROGRESS', holdId, orderId: o.id });
    expect((await max.del(`/api/holds/${holdId}`)).statusCode).toBe(204);
    expect((await max.post(`/api/sessions/${sessionId}/holds`, { seatIds: ['r5-s6'] })).statusCode).toBe(201);
  });

  it('refuses an order on an expired or foreign hold', async () => {
    const kim = await signIn(ctx.app);
    const lee = await signIn(ctx.app);
    const holdId = await holdSeats(kim, ['r5-s0']);
    expect((await order(lee, holdId)).statusCode).toBe(404);
    await ctx.database.db.execute(
      sql`update holds set expires_at = now() - interval '1 second' where id = ${holdId}`,
    );
    const expired = await order(kim, holdId);
    expect(expired.statusCode).toBe(409);
    expect(expired.json().code).toBe('HOLD_EXPIRED');
  });

  it('refuses a key reused for another hold, a second live order for a hold and a released hold', async () => {
    const ned = await signIn(ctx.app);
    const ordersOf = async () =>
      (
        await rows<{ n: number }>(
          sql`select count(*)::int as n from orders where idempotency_key like 'ned-%'`,
        )
      )[0]!.n;
    const first = await holdSeats(ned, ['r4-s8']);
    const made = await order(ned, first, 'ned-1');
    expect(made.statusCode).toBe(201);
    // The same key for the same hold answers the same order.
    const same = await order(ned, first, 'ned-1');
    expect(same.statusCode).toBe(200);
    expect(same.json().id).toBe(made.json().id);
    // Another key for a hold that already has a live order.
    const second = await order(ned, first, 'ned-2');
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'ORDER_EXISTS', orderId: made.json().id });
    // The first key for another hold.
    expect((await ned.del(`/api/holds/${first}`)).statusCode).toBe(204);
    const other = await holdSeats(ned, ['r4-s9']);
    const reused = await order(ned, other, 'ned-1');
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    // A released hold.
    const released = await order(ned, first, 'ned-3');
    expect(released.statusCode).toBe(409);
    expect(released.json().code).toBe('HOLD_NOT_ACTIVE');
    expect(await ordersOf()).toBe(1);
  });
});
