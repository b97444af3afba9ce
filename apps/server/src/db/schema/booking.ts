import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { sessions } from './catalog.ts';

/**
 * A hold: seats (and/or general-admission places) locked for one buyer for the session's hold
 * time. The seats themselves are marked in seat_inventory; this row is the cart they belong to.
 * One active hold per buyer per session (partial unique index).
 */
export const holds = pgTable(
  'holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['active', 'converted', 'released', 'expired'] })
      .notNull()
      .default('active'),
    seatIds: text('seat_ids').array().notNull().default(sql`'{}'::text[]`),
    /** General-admission places held: [{areaId, quantity}]. */
    gaItems: jsonb('ga_items').notNull().default(sql`'[]'::jsonb`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('holds_one_active_per_user').on(t.sessionId, t.userId).where(sql`${t.status} = 'active'`),
    index('holds_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'active'`),
    check('holds_status_check', sql`${t.status} in ('active', 'converted', 'released', 'expired')`),
  ],
);

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    holdId: uuid('hold_id')
      .notNull()
      .references(() => holds.id),
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status', { enum: ['pending', 'paid', 'failed', 'cancelled', 'refunded'] })
      .notNull()
      .default('pending'),
    totalCents: integer('total_cents').notNull(),
    currency: text('currency').notNull(),
    /** Why an order did not complete (payment failed, seats gone after a late payment…). */
    failureReason: text('failure_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('orders_idempotency_key').on(t.userId, t.idempotencyKey),
    // One live order per hold; after a failed payment the buyer may try again on the same hold.
    uniqueIndex('orders_live_per_hold').on(t.holdId).where(sql`${t.status} <> 'failed'`),
    index('orders_user_idx').on(t.userId, t.createdAt),
    index('orders_session_idx').on(t.sessionId, t.status),
    check('orders_status_check', sql`${t.status} in ('pending', 'paid', 'failed', 'cancelled', 'refunded')`),
    check('orders_total_check', sql`${t.totalCents} >= 0`),
  ],
);

/** What an order buys, priced when the order was made. */
export const orderItems = pgTable(
  'order_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    seatId: text('seat_id'),
    areaId: text('area_id'),
    category: text('category').notNull(),
    label: text('label').notNull(),
    priceCents: integer('price_cents').notNull(),
  },
  (t) => [
    index('order_items_order_idx').on(t.orderId),
    check('order_items_target_check', sql`(${t.seatId} is null) <> (${t.areaId} is null)`),
  ],
);

/** The platform's view of a payment at the provider; the provider reference is unique. */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    provider: text('provider').notNull(),
    providerRef: text('provider_ref').notNull(),
    status: text('status').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    redirectUrl: text('redirect_url').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_provider_ref_key').on(t.provider, t.providerRef),
    uniqueIndex('payments_order_key').on(t.orderId),
  ],
);

/** Refunds the platform asked for; the id is the idempotency key sent to the provider. */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    amountCents: integer('amount_cents').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['requested', 'succeeded'] })
      .notNull()
      .default('requested'),
    ticketIds: uuid('ticket_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('refunds_order_idx').on(t.orderId), check('refunds_amount_check', sql`${t.amountCents} > 0`)],
);

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    seatId: text('seat_id'),
    areaId: text('area_id'),
    category: text('category').notNull(),
    label: text('label').notNull(),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull(),
    holderName: text('holder_name').notNull(),
    status: text('status', { enum: ['active', 'used', 'cancelled'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    // The last line of defence against a double booking, whatever the code above does.
    uniqueIndex('tickets_one_live_per_seat')
      .on(t.sessionId, t.seatId)
      .where(sql`${t.status} <> 'cancelled' and ${t.seatId} is not null`),
    index('tickets_order_idx').on(t.orderId),
    index('tickets_user_idx').on(t.userId),
    check('tickets_status_check', sql`${t.status} in ('active', 'used', 'cancelled')`),
  ],
);

/** Provider webhook events already processed: a replay or duplicate is recognised by its id. */
export const webhookEvents = pgTable('webhook_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  outcome: text('outcome').notNull(),
});
