import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends } from '../../../../test/databases.ts';
import { openTestpay, testpayHttp } from './test-harness.ts';

const backends = await databaseBackends();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(backends)('testpay hosted page and API on $name', (backend) => {
  let t: Awaited<ReturnType<typeof openTestpay>>;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await openTestpay(backend);
    app = await testpayHttp(t.gateway);
  });
  afterAll(async () => {
    await app.close();
    await t.database.close();
  });

  const page = (id: string) => app.inject({ method: 'GET', url: `/pay/${id}` });

  it('shows the amount and the test cards, and escapes a hostile description', async () => {
    const { providerRef: id } = await t.newPayment({
      amountCents: 12345,
      description: '<script>alert("x")</script> & "quotes"',
    });
    const res = await page(id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('€123.45');
    expect(res.body).toContain('4242 4242 4242 4242');
    expect(res.body).toContain(`action="/pay/${id}/confirm"`);
    expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(res.body).not.toContain('<script');
  });

  it('formats currencies with their own minor units', async () => {
    const { providerRef: id } = await t.newPayment({ amountCents: 5000, currency: 'JPY' });
    expect((await page(id)).body).toContain('¥5,000');
  });

  it('answers an unknown payment with a 404 page', async () => {
    const res = await page('pay_doesnotexist');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Payment not found');
  });

  it('pays through the form and links back to the return URL with the outcome', async () => {
    const { providerRef: id } = await t.newPayment();
    const post = await app.inject({
      method: 'POST',
      url: `/pay/${id}/confirm`,
      headers: { ...FORM, 'sec-fetch-site': 'same-origin' },
      payload: 'cardNumber=4242+4242+4242+4242',
    });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe(`/pay/${id}`);
    const result = await page(id);
    expect(result.body).toContain('Payment successful');
    expect(result.body).toContain(`href="/orders/done?payment=${id}&amp;status=succeeded"`);
  });

  it('shows the form again with a message for a card that is not a test card', async () => {
    const { providerRef: id } = await t.newPayment();
    const res = await app.inject({
      method: 'POST',
      url: `/pay/${id}/confirm`,
      headers: FORM,
      payload: 'cardNumber=4111111111111111',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Use one of the test cards');
    expect((await t.gateway.getPayment(id))?.status).toBe('requires_payment');
  });

  it('refuses a form posted from another site', async () => {
    const { providerRef: id } = await t.newPayment();
    const res = await app.inject({
      method: 'POST',
      url: `/pay/${id}/confirm`,
      headers: { ...FORM, 'sec-fetch-site': 'cross-site' },
      payload: 'cardNumber=4242424242424242',
    });
    expect(res.statusCode).toBe(403);
    expect((await t.gateway.getPayment(id))?.status).toBe('requires_payment');
  });

  it('walks through the 3-D Secure page to a declined result', async () => {
    const { providerRef: id } = await t.newPayment();
    await app.inject({
      method: 'POST',
      url: `/pay/${id}/confirm`,
      headers: FORM,
      payload: 'cardNumber=4000000000003220',
    });
    const challenge = await page(id);
    expect(challenge.body).toContain('Confirm this payment (3-D Secure simulation)');
    expect(challenge.body).toContain('ending in 3220');
    const res = await app.inject({
      method: 'POST',
      url: `/pay/${id}/authenticate`,
      headers: FORM,
      payload: 'approve=false',
    });
    expect(res.statusCode).toBe(303);
    const result = await page(id);
    expect(result.body).toContain('Payment failed');
    expect(result.body).toContain('status=failed');
  });

  it('confirms and authenticates through the JSON API', async () => {
    const { providerRef: id } = await t.newPayment();
    const confirm = await app.inject({
      method: 'POST',
      url: `/api/testpay/payments/${id}/confirm`,
      payload: { cardNumber: '4000 0000 0000 3220' },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json()).toEqual({ id, status: 'requires_action' });
    const auth = await app.inject({
      method: 'POST',
      url: `/api/testpay/payments/${id}/authenticate`,
      payload: { approve: true },
    });
    expect(auth.json()).toEqual({ id, status: 'succeeded' });
    const state = await app.inject({ method: 'GET', url: `/api/testpay/payments/${id}` });
    expect(state.json()).toMatchObject({ id, status: 'succeeded', cardLast4: '3220', amountCents: 4200 });

    const declined = (await t.newPayment()).providerRef;
    const res = await app.inject({
      method: 'POST',
      url: `/api/testpay/payments/${declined}/confirm`,
      payload: { cardNumber: '4000000000009995' },
    });
    expect(res.json()).toEqual({ id: declined, status: 'failed', failureReason: 'insufficient_funds' });
  });

  it('answers problem+json: 404 for an unknown payment, 400 for bad input', async () => {
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/testpay/payments/pay_nope/confirm',
      payload: { cardNumber: '4242424242424242' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await app.inject({ method: 'GET', url: '/api/testpay/payments/pay_nope' })).statusCode).toBe(404);

    const { providerRef: id } = await t.newPayment();
    for (const payload of [
      { cardNumber: '4242' },
      { cardNumber: '4242-4242-4242-4242' },
      { cardNumber: '4242424242424242', extra: 1 },
      {},
    ]) {
      const res = await app.inject({ method: 'POST', url: `/api/testpay/payments/${id}/confirm`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const auth = await app.inject({
      method: 'POST',
      url: `/api/testpay/payments/${id}/authenticate`,
      payload: { approve: 'yes' },
    });
    expect(auth.statusCode).toBe(400);
  });
});
