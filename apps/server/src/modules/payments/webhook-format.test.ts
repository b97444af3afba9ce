import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-format.ts';

const secret = 'whsec_test_0123456789abcdef0123456789abcdef';
const body = JSON.stringify({ id: 'evt_1', type: 'payment.succeeded' });

describe('webhook signatures', () => {
  it('accepts its own fresh signature', () => {
    expect(verifyWebhookSignature(secret, body, signWebhook(secret, body))).toBe(true);
  });
  it('refuses another secret, an altered body, a stale timestamp and garbage', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(verifyWebhookSignature('other', body, signWebhook(secret, body))).toBe(false);
    expect(verifyWebhookSignature(secret, `${body} `, signWebhook(secret, body))).toBe(false);
    expect(verifyWebhookSignature(secret, body, signWebhook(secret, body, now - 3600), now)).toBe(false);
    expect(verifyWebhookSignature(secret, body, 't=1,v1=zz')).toBe(false);
    expect(verifyWebhookSignature(secret, body, undefined)).toBe(false);
  });
});
