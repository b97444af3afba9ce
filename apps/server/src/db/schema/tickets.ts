import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { orders, tickets } from './booking.ts';
import { sessions } from './catalog.ts';

/**
 * One email of an order's tickets: the first, created in the paying transaction, and each re-send
 * the buyer asks for. The row is the delivered marker: an attempt claims it (status 'sending' with
 * a lease), sends, then marks it 'sent'; a retry that finds 'sent' does nothing, so a job retried
 * after a success never mails twice. Its id is also the pg-boss job id.
 */
export const ticketDeliveries = pgTable(
  'ticket_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    reason: text('reason', { enum: ['paid', 'resend'] }).notNull(),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** While 'sending': until when this attempt owns the row (a crashed attempt's lease runs out). */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    // The payment's delivery exists once per order, however often the paying code runs.
    uniqueIndex('ticket_deliveries_one_paid_per_order').on(t.orderId).where(sql`${t.reason} = 'paid'`),
    // One re-send waiting per order: pressing "resend" again joins the one already queued.
    uniqueIndex('ticket_deliveries_one_open_resend')
      .on(t.orderId)
      .where(sql`${t.reason} = 'resend' and ${t.status} in ('queued', 'sending')`),
    index('ticket_deliveries_order_idx').on(t.orderId, t.createdAt),
    check('ticket_deliveries_reason_check', sql`${t.reason} in ('paid', 'resend')`),
    check('ticket_deliveries_status_check', sql`${t.status} in ('queued', 'sending', 'sent', 'failed')`),
    check('ticket_deliveries_attempts_check', sql`${t.attempts} >= 0`),
  ],
);

/**
 * Who admitted a ticket, where and when. The ticket's own status ('used') is what the conditional
 * check-in update flips; this row is written in the same transaction, and its primary key is a
 * second guard against admitting one ticket twice.
 */
export const ticketCheckins = pgTable(
  'ticket_checkins',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    checkedInBy: uuid('checked_in_by').references(() => users.id),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_checkins_session_idx').on(t.sessionId, t.checkedInAt)],
);
