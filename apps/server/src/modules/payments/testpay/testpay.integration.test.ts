import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseBackends } from '../../../../test/databases.ts';
import { SIGNATURE_HEADER, verifyWebhookSignature } from '../webhook-format.ts';
import { openTestpay, WEBHOOK_SECRET } from './test-harness.ts';

const backends = await databaseBackends();

describe.each(backends)('testpay gateway on $name', (backend) => {
  let t: Awaited<ReturnType<typeof openTestpay>>;

  beforeAll(async () => {
    t = await openTestpay(backend);
  });
  afterAll(async () => {
    await t.gateway.stopDelivery();
    await t.database.close();
  });
  beforeEach(async () => {
    // Each test starts with an empty outbox queue and a receiver that answers 200.
    t.gateway.testing.holdDeliveries(false);
    t.statuses.length = 0;
    await t.gateway.deliverDue();
    t.sent.length = 0;
  });

  const eventTypes = async (paymentId: string) =>
    (await t.gateway.testing.events(paymentId)).map((e) => e.type);

  it('gives the same payment back for the same order and refuses different money for it', async () => {
    const input = {
      orderId: randomUUID(),
      amountCents: 1500,
      currency: 'eur',
      description: 'x',
      returnUrl: '/orders/1',
    };
    const first = await t.gateway.provider.createPayment(input);
    const again = await t.gateway.provider.createPayment(input);
    expect(first.providerRef).toMatch(/^pay_[0-9a-f]{24}$/);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ status: 'requires_payment', redirectUrl: `/pay/${first.providerRef}` });
    expect((await t.gateway.getPayment(first.providerRef))?.currency).toBe('EUR');
    await expect(t.gateway.provider.createPayment({ ...input, amountCents: 1600 })).rejects.toMatchObject({
      code: 'TESTPAY_ORDER_MISMATCH',
    });
  });

  it('accepts only relative or same-origin return URLs', async () => {
    const create = (returnUrl: string) =>
      t.gateway.provider.createPayment({
        orderId: randomUUID(),
        amountCents: 100,
        currency: 'EUR',
        description: 'x',
        returnUrl,
      });
    await expect(create('https://tickets.example/orders/1?x=1')).resolves.toBeTruthy();
    for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)'])
      await expect(create(bad), bad).rejects.toMatchObject({ code: 'TESTPAY_INVALID_PAYMENT' });
  });

  it('pays with 4242 4242 4242 4242 and reports it once, however often it is confirmed', async () => {
    const { providerRef: id } = await t.newPayment();
    const paid = await t.gateway.confirm(id, '4242 4242 4242 4242');
    expect(paid).toMatchObject({ status: 'succeeded', cardLast4: '4242', failureReason: null });
    expect((await t.gateway.confirm(id, '4000000000000002')).status).toBe('succeeded');
    expect(await eventTypes(id)).toEqual(['payment.succeeded']);
  });

  it('declines 4000 0000 0000 0002 and 4000 0000 0000 9995 with their reasons', async () => {
    for (const [card, reason] of [
      ['4000 0000 0000 0002', 'card_declined'],
      ['4000000000009995', 'insufficient_funds'],
    ] as const) {
      const { providerRef: id } = await t.newPayment();
      expect(await t.gateway.confirm(id, card)).toMatchObject({ status: 'failed', failureReason: reason });
      expect(await eventTypes(id)).toEqual(['payment.failed']);
      const [evt] = await t.gateway.testing.events(id);
      expect(evt?.payload).toMatchObject({ data: { failureReason: reason, status: 'failed' } });
    }
  });

  it('refuses malformed numbers and cards that are not test cards without touching the payment', async () => {
    const { providerRef: id } = await t.newPayment();
    await expect(t.gateway.confirm(id, '4242')).rejects.toMatchObject({
      code: 'TESTPAY_INVALID_CARD_NUMBER',
    });
    await expect(t.gateway.confirm(id, '4111 1111 1111 1111')).rejects.toMatchObject({
      code: 'TESTPAY_UNKNOWN_CARD',
    });
    expect((await t.gateway.getPayment(id))?.status).toBe('requires_payment');
    expect(await eventTypes(id)).toEqual([]);
    await expect(t.gateway.confirm('pay_nope', '4242424242424242')).rejects.toMatchObject({ status: 404 });
  });

  it('asks for a confirmation step with 4000 0000 0000 3220, then approves or declines', async () => {
    const approved = (await t.newPayment()).providerRef;
    await expect(t.gateway.authenticate(approved, true)).rejects.toMatchObject({
      code: 'TESTPAY_NOT_AWAITING_ACTION',
    });
    expect((await t.gateway.confirm(approved, '4000 0000 0000 3220')).status).toBe('requires_action');
    expect((await t.gateway.authenticate(approved, true)).status).toBe('succeeded');
    expect((await t.gateway.authenticate(approved, false)).status).toBe('succeeded');
    expect(await eventTypes(approved)).toEqual(['payment.requires_action', 'payment.succeeded']);

    const declined = (await t.newPayment()).providerRef;
    await t.gateway.confirm(declined, '4000000000003220');
    expect(await t.gateway.authenticate(declined, false)).toMatchObject({
      status: 'failed',
      failureReason: 'authentication_failed',
    });
    expect(await eventTypes(declined)).toEqual(['payment.requires_action', 'payment.failed']);
  });

  it('enqueues exactly one event when the same payment is confirmed concurrently', async () => {
    const { providerRef: id } = await t.newPayment();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.gateway.confirm(id, '4242424242424242')),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('succeeded'));
    expect(await eventTypes(id)).toEqual(['payment.succeeded']);
  });

  it('delivers a signed body that verifies with the shared secret, once', async () => {
    const { providerRef: id } = await t.newPayment({ amountCents: 1234 });
    await t.gateway.confirm(id, '4242424242424242');
    const results = await t.gateway.deliverDue();
    expect(results.filter((r) => r.delivered)).toHaveLength(1);
    const [sent] = t.sentFor(id);
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(
      verifyWebhookSignature(WEBHOOK_SECRET, sent!.body, sent!.headers[SIGNATURE_HEADER], t.clock.seconds()),
    ).toBe(true);
    expect(verifyWebhookSignature('another secret', sent!.body, sent!.headers[SIGNATURE_HEADER])).toBe(false);
    expect(sent!.event).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      type: 'payment.succeeded',
      data: { paymentId: id, amountCents: 1234, currency: 'EUR', status: 'succeeded' },
    });
    expect(await t.gateway.deliverDue()).toEqual([]);
    expect((await t.gateway.testing.events(id))[0]?.deliveredAt).toBeInstanceOf(Date);
  });

  it('retries a failing receiver with backoff (1 s, then 2 s) and delivers once', async () => {
    const { providerRef: id } = await t.newPayment();
    await t.gateway.confirm(id, '4242424242424242');
    t.statuses.push(500, 500);
    expect((await t.gateway.deliverDue())[0]).toMatchObject({ delivered: false, status: 500, attempt: 1 });
    expect(await t.gateway.deliverDue()).toEqual([]); // not due before its backoff
    t.clock.advance(1_000);
    expect((await t.gateway.deliverDue())[0]).toMatchObject({ delivered: false, attempt: 2 });
    t.clock.advance(1_000);
    expect(await t.gateway.deliverDue()).toEqual([]); // the second wait is 2 s
    t.clock.advance(1_000);
    expect((await t.gateway.deliverDue())[0]).toMatchObject({ delivered: true, attempt: 3 });
    const deliveries = t.sentFor(id);
    expect(deliveries).toHaveLength(3);
    expect(new Set(deliveries.map((d) => d.event.id)).size).toBe(1);
    const [row] = await t.gateway.testing.events(id);
    expect(row).toMatchObject({ attempts: 3, nextAttemptAt: null, lastError: null });
  });

  it('gives up after ten attempts and keeps the event for inspection', async () => {
    const { providerRef: id } = await t.newPayment();
    await t.gateway.confirm(id, '4000000000000002');
    t.statuses.push(...Array(10).fill(503));
    for (let i = 0; i < 12; i++) {
      await t.gateway.deliverDue();
      t.clock.advance(10 * 60_000);
    }
    expect(t.sentFor(id)).toHaveLength(10);
    const [row] = await t.gateway.testing.events(id);
    expect(row).toMatchObject({
      attempts: 10,
      deliveredAt: null,
      nextAttemptAt: null,
      lastError: 'HTTP 503',
    });
  });

  it('redelivers a delivered event with the same id and body', async () => {
    const { providerRef: id } = await t.newPayment();
    await t.gateway.confirm(id, '4242424242424242');
    await t.gateway.deliverDue();
    const [evt] = await t.gateway.testing.events(id);
    t.clock.advance(60_000);
    expect(await t.gateway.testing.redeliver(evt!.id)).toEqual({ status: 200 });
    const [first, second] = t.sentFor(id);
    expect(second?.body).toBe(first?.body);
    expect(second?.headers[SIGNATURE_HEADER]).not.toBe(first?.headers[SIGNATURE_HEADER]);
    await expect(t.gateway.testing.redeliver('evt_unknown')).rejects.toMatchObject({ status: 404 });
  });

  it('holds events back and then delivers them in reverse order', async () => {
    t.gateway.testing.holdDeliveries(true);
    const { providerRef: id } = await t.newPayment();
    await t.gateway.confirm(id, '4000000000003220');
    await t.gateway.authenticate(id, true);
    const refund = await t.gateway.provider.refund({
      providerRef: id,
      amountCents: 4200,
      refundId: randomUUID(),
      reason: 'cancelled',
    });
    expect(refund.refundRef).toMatch(/^re_/);
    expect(await t.gateway.deliverDue()).toEqual([]);
    await t.gateway.testing.deliverInOrder('reverse');
    expect(t.sentFor(id).map((s) => s.event.type)).toEqual([
      'refund.succeeded',
      'payment.succeeded',
      'payment.requires_action',
    ]);
  });

  it('sends events twice at duplicateRate 1, with the same id', async () => {
    const dup = await openTestpay({ ...backend, open: async () => t.database }, { duplicateRate: 1 });
    const { providerRef: id } = await dup.newPayment();
    await dup.gateway.confirm(id, '4242424242424242');
    await dup.gateway.deliverDue();
    const sent = dup.sentFor(id);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.event.id).toBe(sent[1]?.event.id);
  });

  it('refunds in parts, idempotently per refundId, never beyond what was paid', async () => {
    const { providerRef: id } = await t.newPayment({ amountCents: 5000 });
    const refund = (refundId: string, amountCents: number) =>
      t.gateway.provider.refund({ providerRef: id, refundId, amountCents, reason: 'customer request' });
    await expect(refund(randomUUID(), 100)).rejects.toMatchObject({ code: 'TESTPAY_NOT_REFUNDABLE' });
    await t.gateway.confirm(id, '4242424242424242');

    const r1 = randomUUID();
    const both = await Promise.all([refund(r1, 2000), refund(r1, 2000)]);
    expect(both[1]).toEqual(both[0]);
    expect(await refund(r1, 2000)).toEqual(both[0]);
    await expect(refund(r1, 1000)).rejects.toMatchObject({ code: 'TESTPAY_REFUND_ID_REUSED' });
    await expect(refund(randomUUID(), 3001)).rejects.toMatchObject({
      code: 'TESTPAY_REFUND_EXCEEDS_PAYMENT',
    });
    expect(await t.gateway.getPayment(id)).toMatchObject({ status: 'succeeded', refundedCents: 2000 });

    await refund(randomUUID(), 3000);
    expect(await t.gateway.getPayment(id)).toMatchObject({ status: 'refunded', refundedCents: 5000 });
    await expect(refund(randomUUID(), 1)).rejects.toMatchObject({ code: 'TESTPAY_NOT_REFUNDABLE' });
    const refunds = (await t.gateway.testing.events(id)).filter((e) => e.type === 'refund.succeeded');
    expect(refunds.map((e) => (e.payload as { data: { amountCents: number; status: string } }).data)).toEqual(
      [
        expect.objectContaining({ amountCents: 2000, status: 'succeeded', refundId: r1 }),
        expect.objectContaining({ amountCents: 3000, status: 'refunded' }),
      ],
    );
  });

  it('delivers in the background once started, soon after a change', async () => {
    const { providerRef: id } = await t.newPayment();
    t.gateway.startDelivery({ intervalMs: 60_000 });
    try {
      await t.gateway.confirm(id, '4242424242424242');
      await expect.poll(() => t.sentFor(id).length, { timeout: 2_000, interval: 20 }).toBe(1);
    } finally {
      await t.gateway.stopDelivery();
    }
  });
});
