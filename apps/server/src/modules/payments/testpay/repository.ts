import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { testpayPayments, testpayRefunds, testpayWebhookEvents } from '../../../db/schema/index.ts';
import type { ProviderPaymentStatus } from '../port.ts';
import type { WebhookEvent } from '../webhook-format.ts';

export type PaymentRow = typeof testpayPayments.$inferSelect;
export type RefundRow = typeof testpayRefunds.$inferSelect;
export type OutboxRow = typeof testpayWebhookEvents.$inferSelect;

/** The only code of the simulated gateway that knows its tables. */
export function testpayRepository(db: Db) {
  return {
    ...queries(db),
    /** Runs fn with the queries bound to one transaction (PGlite deadlocks on the outer handle). */
    transaction<T>(fn: (tx: TestpayQueries) => Promise<T>): Promise<T> {
      return db.transaction((tx) => fn(queries(tx as unknown as Db)));
    },
  };
}
export type TestpayRepository = ReturnType<typeof testpayRepository>;
export type TestpayQueries = ReturnType<typeof queries>;

function queries(db: Db) {
  return {
    /** null when the order has a payment already (the unique order_id decides, not a prior read). */
    async insertPaymentIfAbsent(values: typeof testpayPayments.$inferInsert) {
      const [row] = await db
        .insert(testpayPayments)
        .values(values)
        .onConflictDoNothing({ target: testpayPayments.orderId })
        .returning();
      return row ?? null;
    },

    async findPayment(id: string) {
      const [row] = await db.select().from(testpayPayments).where(eq(testpayPayments.id, id));
      return row ?? null;
    },

    async findPaymentByOrder(orderId: string) {
      const [row] = await db.select().from(testpayPayments).where(eq(testpayPayments.orderId, orderId));
      return row ?? null;
    },

    /**
     * Moves a payment out of `from` in one conditional UPDATE: of two concurrent callers exactly
     * one gets the row back (and so enqueues the event); the other gets null.
     */
    async transition(
      id: string,
      from: ProviderPaymentStatus,
      set: { status: ProviderPaymentStatus; failureReason?: string | null; cardLast4?: string },
      now: Date,
    ) {
      const [row] = await db
        .update(testpayPayments)
        .set({ ...set, updatedAt: now })
        .where(and(eq(testpayPayments.id, id), eq(testpayPayments.status, from)))
        .returning();
      return row ?? null;
    },

    /**
     * Adds a refund to a succeeded payment if it fits in what remains; a full refund makes the
     * payment `refunded`. null when the payment is not succeeded or the amount does not fit.
     */
    async addRefundedAmount(id: string, amountCents: number, now: Date) {
      const [row] = await db
        .update(testpayPayments)
        .set({
          refundedCents: sql`${testpayPayments.refundedCents} + ${amountCents}`,
          status: sql`case when ${testpayPayments.refundedCents} + ${amountCents} = ${testpayPayments.amountCents}
                      then 'refunded' else ${testpayPayments.status} end`,
          updatedAt: now,
        })
        .where(
          and(
            eq(testpayPayments.id, id),
            eq(testpayPayments.status, 'succeeded'),
            sql`${testpayPayments.refundedCents} + ${amountCents} <= ${testpayPayments.amountCents}`,
          ),
        )
        .returning();
      return row ?? null;
    },

    /** Throws a unique violation when refund_id exists: callers treat that as "the same refund". */
    async insertRefund(values: typeof testpayRefunds.$inferInsert) {
      const [row] = await db.insert(testpayRefunds).values(values).returning();
      return row!;
    },

    async findRefund(refundId: string) {
      const [row] = await db.select().from(testpayRefunds).where(eq(testpayRefunds.refundId, refundId));
      return row ?? null;
    },

    /** The outbox write; call it on the transaction that made the change it reports. */
    async enqueueEvent(event: WebhookEvent, now: Date) {
      await db.insert(testpayWebhookEvents).values({
        id: event.id,
        type: event.type,
        paymentId: event.data.paymentId,
        payload: event,
        nextAttemptAt: now,
        createdAt: now,
      });
    },

    /**
     * Claims due events by pushing their next attempt past a lease, in one statement, so no
     * transaction stays open while the webhook is sent (the receiver may use this same database).
     * SKIP LOCKED lets several processes claim disjoint rows; a crashed sender's lease just expires.
     */
    async claimDue(now: Date, leaseUntil: Date, limit: number) {
      const due = db
        .select({ id: testpayWebhookEvents.id })
        .from(testpayWebhookEvents)
        .where(lte(testpayWebhookEvents.nextAttemptAt, now))
        .orderBy(asc(testpayWebhookEvents.nextAttemptAt), asc(testpayWebhookEvents.seq))
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(testpayWebhookEvents)
        .set({ attempts: sql`${testpayWebhookEvents.attempts} + 1`, nextAttemptAt: leaseUntil })
        .where(inArray(testpayWebhookEvents.id, due))
        .returning();
      // RETURNING has no order.
      return rows.sort((a, b) => a.seq - b.seq);
    },

    async markDelivered(id: string, now: Date) {
      await db
        .update(testpayWebhookEvents)
        .set({ deliveredAt: now, nextAttemptAt: null, lastError: null })
        .where(eq(testpayWebhookEvents.id, id));
    },

    /** nextAttemptAt null = given up; the row stays for inspection. */
    async markFailed(id: string, nextAttemptAt: Date | null, error: string) {
      await db
        .update(testpayWebhookEvents)
        .set({ nextAttemptAt, lastError: error.slice(0, 1000) })
        .where(eq(testpayWebhookEvents.id, id));
    },

    async findEvent(id: string) {
      const [row] = await db.select().from(testpayWebhookEvents).where(eq(testpayWebhookEvents.id, id));
      return row ?? null;
    },

    listEvents(paymentId?: string) {
      return db
        .select()
        .from(testpayWebhookEvents)
        .where(paymentId ? eq(testpayWebhookEvents.paymentId, paymentId) : undefined)
        .orderBy(asc(testpayWebhookEvents.seq));
    },
  };
}
