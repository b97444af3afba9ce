import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The built-in simulated PSP ("testpay", modules/payments/testpay). Its tables belong to the
 * provider, not to the platform: the platform only sees them through the payment port and webhooks,
 * as it would a real PSP. Ids are the provider's own (`pay_…`, `re_…`, `evt_…`), so text, not uuid.
 */
export const testpayPayments = pgTable(
  'testpay_payments',
  {
    id: text('id').primaryKey(),
    /** The platform's order id; unique so createPayment is idempotent per order. */
    orderId: text('order_id').notNull().unique('testpay_payments_order_id_key'),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    description: text('description').notNull(),
    returnUrl: text('return_url').notNull(),
    status: text('status', {
      enum: ['requires_payment', 'requires_action', 'succeeded', 'failed', 'refunded'],
    })
      .notNull()
      .default('requires_payment'),
    failureReason: text('failure_reason'),
    cardLast4: text('card_last4'),
    /** Sum of refunds; the check below makes over-refunding impossible whatever the code does. */
    refundedCents: integer('refunded_cents').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'testpay_payments_status_check',
      sql`${t.status} in ('requires_payment', 'requires_action', 'succeeded', 'failed', 'refunded')`,
    ),
    check('testpay_payments_amount_check', sql`${t.amountCents} > 0`),
    check(
      'testpay_payments_refunded_check',
      sql`${t.refundedCents} >= 0 and ${t.refundedCents} <= ${t.amountCents}`,
    ),
  ],
);

export const testpayRefunds = pgTable(
  'testpay_refunds',
  {
    id: text('id').primaryKey(),
    /** The platform's refundId: unique so a retried refund call is the same refund. */
    refundId: text('refund_id').notNull().unique('testpay_refunds_refund_id_key'),
    paymentId: text('payment_id')
      .notNull()
      .references(() => testpayPayments.id),
    amountCents: integer('amount_cents').notNull(),
    reason: text('reason').notNull(),
    // Simulated refunds settle at once; the column exists so a failing refund can be simulated later.
    status: text('status', { enum: ['succeeded', 'failed'] })
      .notNull()
      .default('succeeded'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('testpay_refunds_payment_idx').on(t.paymentId),
    check('testpay_refunds_amount_check', sql`${t.amountCents} > 0`),
    check('testpay_refunds_status_check', sql`${t.status} in ('succeeded', 'failed')`),
  ],
);

/**
 * Webhook outbox: written in the same transaction as the state change it reports, delivered by the
 * worker. `next_attempt_at` is null once the event is delivered or given up on; a given-up event
 * (delivered_at null, next_attempt_at null) stays for inspection.
 */
export const testpayWebhookEvents = pgTable(
  'testpay_webhook_events',
  {
    id: text('id').primaryKey(),
    /** Creation order: timestamps can tie, and tests deliver "in order" or "in reverse". */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    type: text('type', {
      enum: ['payment.succeeded', 'payment.failed', 'payment.requires_action', 'refund.succeeded'],
    }).notNull(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => testpayPayments.id),
    /** The WebhookEvent as sent (modules/payments/webhook-format.ts). */
    payload: jsonb('payload').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The worker's only query: due rows. Partial, so delivered history does not bloat it.
    index('testpay_webhook_events_due_idx')
      .on(t.nextAttemptAt, t.seq)
      .where(sql`${t.nextAttemptAt} is not null`),
    index('testpay_webhook_events_payment_idx').on(t.paymentId),
    check(
      'testpay_webhook_events_type_check',
      sql`${t.type} in ('payment.succeeded', 'payment.failed', 'payment.requires_action', 'refund.succeeded')`,
    ),
  ],
);
