import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhooks from the provider: POST /api/payments/webhook, JSON body, header
 * `testpay-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * Each delivery attempt is signed afresh (so a late retry is still within tolerance); the event id
 * stays the same across retries and duplicates, which is how the platform deduplicates.
 */
export const SIGNATURE_HEADER = 'testpay-signature';
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type WebhookEventType =
  | 'payment.succeeded'
  | 'payment.failed'
  | 'payment.requires_action'
  | 'refund.succeeded';

export interface WebhookEvent {
  /** Unique per event (evt_…), identical on every delivery of it. */
  id: string;
  type: WebhookEventType;
  /** Unix ms when the provider created the event (not when it was delivered). */
  created: number;
  data: {
    paymentId: string;
    orderId: string;
    amountCents: number;
    currency: string;
    status: string;
    refundId?: string;
    failureReason?: string;
  };
}

export function signWebhook(
  secret: string,
  rawBody: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  const v1 = createHmac('sha256', secret).update(`${nowSeconds}.${rawBody}`).digest('hex');
  return `t=${nowSeconds},v1=${v1}`;
}

/** True only for a well-formed, fresh signature made with this secret over exactly this body. */
export function verifyWebhookSignature(
  secret: string,
  rawBody: string,
  header: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  if (!header || header.length > 500) return false;
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  const v1 = parts.v1;
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(nowSeconds - t) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}
