import { and, desc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { fromPgArray, toPgArray } from '../../db/pg-array.ts';
import {
  holds,
  orderItems,
  orders,
  payments,
  refunds,
  tickets,
  webhookEvents,
} from '../../db/schema/index.ts';

export type OrderRow = typeof orders.$inferSelect;
export type HoldRow = typeof holds.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type ItemInput = {
  seatId: string | null;
  areaId: string | null;
  category: string;
  label: string;
  priceCents: number;
};

export type CreateOrderOutcome =
  | 'created'
  | 'existing'
  | 'hold-not-found'
  | 'hold-not-active'
  | 'hold-expired'
  | 'order-exists';

const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date));

/** An order row from tk_create_order's r_-prefixed columns. */
function orderFromRow(r: Record<string, unknown>): OrderRow {
  return {
    id: r.r_id as string,
    userId: r.r_user_id as string,
    sessionId: r.r_session_id as string,
    holdId: r.r_hold_id as string,
    idempotencyKey: r.r_idempotency_key as string,
    status: r.r_status as OrderRow['status'],
    totalCents: Number(r.r_total_cents),
    currency: r.r_currency as string,
    failureReason: (r.r_failure_reason as string | null) ?? null,
    createdAt: date(r.r_created_at)!,
    paidAt: date(r.r_paid_at),
    cancelledAt: date(r.r_cancelled_at),
  };
}

type OrderDetailsJson = {
  items: {
    seatId: string | null;
    areaId: string | null;
    category: string;
    label: string;
    priceCents: number;
  }[];
  tickets: {
    id: string;
    seatId: string | null;
    areaId: string | null;
    label: string;
    category: string;
    priceCents: number;
    status: 'active' | 'used' | 'cancelled';
  }[];
  payment: { providerRef: string; status: string; redirectUrl: string } | null;
  refunds: { status: 'requested' | 'succeeded'; amountCents: number }[];
};

export type OrderDetails = OrderDetailsJson & { order: OrderRow };

export type FinalizeOutcome =
  | { kind: 'paid'; soldSeats: string[] }
  | { kind: 'seats-gone'; refundId: string; amountCents: number }
  | { kind: 'ignored'; why: string };

const asDb = (tx: Tx) => tx as unknown as Db;

export function ordersRepository(
  db: Db,
  hooks: { onPaidInTransaction?: (tx: Tx, orderId: string) => Promise<void> } = {},
) {
  return {
    /**
     * Creates the order for a hold once per (user, Idempotency-Key), in one round trip
     * (tk_create_order, migration 0011): the hold row is locked, so concurrent requests with the
     * same key queue behind each other and the second finds the first. Items and prices were
     * computed from the hold before; its seats never change after it is made.
     */
    async createOrder(input: {
      userId: string;
      holdId: string;
      idempotencyKey: string;
      items: ItemInput[];
      currency: string;
    }): Promise<{ outcome: CreateOrderOutcome; detail: string | null; order: OrderRow | null }> {
      const [row] = await queryRows<Record<string, unknown>>(
        db,
        sql`select * from tk_create_order(${input.userId}::uuid, ${input.holdId}::uuid, ${input.idempotencyKey},
              ${input.currency}, ${JSON.stringify(input.items)}::jsonb)`,
      );
      return {
        outcome: row!.r_outcome as CreateOrderOutcome,
        detail: (row!.r_detail as string | null) ?? null,
        order: row!.r_id ? orderFromRow(row!) : null,
      };
    },

    findByKey: async (userId: string, key: string) =>
      (
        await db
          .select()
          .from(orders)
          .where(and(eq(orders.userId, userId), eq(orders.idempotencyKey, key)))
      )[0] ?? null,

    findHold: async (holdId: string) =>
      (await db.select().from(holds).where(eq(holds.id, holdId)))[0] ?? null,

    liveOrderForHold: async (holdId: string) => {
      const [row] = await db
        .select()
        .from(orders)
        .where(and(eq(orders.holdId, holdId), sql`${orders.status} <> 'failed'`));
      return row ?? null;
    },

    async attachPayment(input: typeof payments.$inferInsert) {
      const [inserted] = await db.insert(payments).values(input).onConflictDoNothing().returning();
      if (inserted) return inserted;
      const [row] = await db.select().from(payments).where(eq(payments.orderId, input.orderId));
      return row!;
    },

    /**
     * An order with what its view shows (items, tickets, payment, refunds) in one query: a buyer
     * waiting for the payment reads it on every wake-up, and four round trips became one.
     */
    async orderDetails(id: string): Promise<OrderDetails | null> {
      const [row] = await queryRows<{
        id: string;
        user_id: string;
        session_id: string;
        hold_id: string;
        idempotency_key: string;
        status: OrderRow['status'];
        total_cents: number;
        currency: string;
        failure_reason: string | null;
        created_at: Date | string;
        paid_at: Date | string | null;
        cancelled_at: Date | string | null;
        details: OrderDetailsJson | string;
      }>(
        db,
        sql`select o.*, json_build_object(
              'items', (select coalesce(json_agg(json_build_object('seatId', i.seat_id, 'areaId', i.area_id,
                          'category', i.category, 'label', i.label, 'priceCents', i.price_cents)), '[]')
                        from order_items i where i.order_id = o.id),
              'tickets', (select coalesce(json_agg(json_build_object('id', t.id, 'seatId', t.seat_id, 'areaId', t.area_id,
                          'label', t.label, 'category', t.category, 'priceCents', t.price_cents, 'status', t.status)
                          order by t.label), '[]')
                        from tickets t where t.order_id = o.id),
              'payment', (select json_build_object('providerRef', p.provider_ref, 'status', p.status,
                          'redirectUrl', p.redirect_url) from payments p where p.order_id = o.id),
              'refunds', (select coalesce(json_agg(json_build_object('status', r.status, 'amountCents', r.amount_cents)), '[]')
                        from refunds r where r.order_id = o.id)
            ) as details
            from orders o where o.id = ${id}`,
      );
      if (!row) return null;
      const details = (
        typeof row.details === 'string' ? JSON.parse(row.details) : row.details
      ) as OrderDetailsJson;
      return {
        order: {
          id: row.id,
          userId: row.user_id,
          sessionId: row.session_id,
          holdId: row.hold_id,
          idempotencyKey: row.idempotency_key,
          status: row.status,
          totalCents: Number(row.total_cents),
          currency: row.currency,
          failureReason: row.failure_reason,
          createdAt: new Date(row.created_at),
          paidAt: date(row.paid_at),
          cancelledAt: date(row.cancelled_at),
        },
        ...details,
      };
    },

    findOrder: async (id: string) => (await db.select().from(orders).where(eq(orders.id, id)))[0] ?? null,
    itemsOf: (orderId: string) => db.select().from(orderItems).where(eq(orderItems.orderId, orderId)),
    ticketsOf: (orderId: string) =>
      db.select().from(tickets).where(eq(tickets.orderId, orderId)).orderBy(tickets.label),
    paymentOf: async (orderId: string) =>
      (await db.select().from(payments).where(eq(payments.orderId, orderId)))[0] ?? null,
    refundsOf: (orderId: string) => db.select().from(refunds).where(eq(refunds.orderId, orderId)),
    ordersOfUser: (userId: string) =>
      db.select().from(orders).where(eq(orders.userId, userId)).orderBy(desc(orders.createdAt)).limit(100),
    paymentByRef: async (provider: string, ref: string) =>
      (
        await db
          .select()
          .from(payments)
          .where(and(eq(payments.provider, provider), eq(payments.providerRef, ref)))
      )[0] ?? null,

    /**
     * Records a webhook event id in the same transaction as its effect, so a duplicate or replay
     * finds the row and changes nothing, and a crash mid-way leaves the event unprocessed.
     */
    async once<T>(eventId: string, type: string, fn: (tx: Tx) => Promise<{ outcome: string; result: T }>) {
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(webhookEvents)
          .values({ id: eventId, type, outcome: 'processing' })
          .onConflictDoNothing()
          .returning({ id: webhookEvents.id });
        if (!inserted.length) return { duplicate: true as const };
        const { outcome, result } = await fn(tx);
        await tx.update(webhookEvents).set({ outcome }).where(eq(webhookEvents.id, eventId));
        return { duplicate: false as const, outcome, result };
      });
    },

    /**
     * Payment succeeded: in this one transaction the seats become sold and the tickets exist, or
     * (seats lost after the hold expired) the order fails and a refund is requested. A paid order
     * without tickets cannot be committed. The work is one call of tk_finalize_paid (migration
     * 0010): one round trip where it used to be thirteen.
     */
    async finalizePaid(tx: Tx, orderId: string, holderName: string): Promise<FinalizeOutcome> {
      const [row] = await queryRows<{
        kind: FinalizeOutcome['kind'];
        sold_seats: string[] | string | null;
        refund_id: string | null;
        amount_cents: number | null;
        why: string | null;
      }>(
        asDb(tx),
        sql`select kind, sold_seats, refund_id, amount_cents, why from tk_finalize_paid(${orderId}::uuid, ${holderName})`,
      );
      if (row!.kind === 'ignored') return { kind: 'ignored', why: row!.why ?? '' };
      if (row!.kind === 'seats-gone')
        return { kind: 'seats-gone', refundId: row!.refund_id!, amountCents: row!.amount_cents! };
      // Ticket delivery (PDF + email) is enqueued in this transaction: it commits with the sale or not at all.
      await hooks.onPaidInTransaction?.(tx, orderId);
      return { kind: 'paid', soldSeats: fromPgArray(row!.sold_seats) };
    },

    async markPaymentFailed(tx: Tx, orderId: string, reason: string) {
      const rows = await tx
        .update(orders)
        .set({ status: 'failed', failureReason: reason })
        .where(and(eq(orders.id, orderId), eq(orders.status, 'pending')))
        .returning({ id: orders.id });
      return rows.length > 0;
    },

    /** Moves the payment's status forward only: a late 'requires_action' never undoes 'succeeded'. */
    setPaymentStatus: (tx: Tx, orderId: string, status: string) =>
      tx.execute(sql`
        update payments set status = ${status}, updated_at = now()
        where order_id = ${orderId}
          and (case status when 'requires_payment' then 0 when 'requires_action' then 1 when 'refunded' then 3 else 2 end)
            < (case ${status}::text when 'requires_payment' then 0 when 'requires_action' then 1 when 'refunded' then 3 else 2 end)`),

    /**
     * Cancels active tickets of a paid order (all, or the given ones) and returns their seats and
     * GA places to inventory in one transaction, with a refund request for their price.
     */
    async cancelTickets(
      orderId: string,
      userId: string,
      ticketIds: string[] | undefined,
      cutoffCheck: (o: OrderRow) => Error | null,
    ) {
      return db.transaction(async (tx) => {
        const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
        if (!order || order.userId !== userId) return new Error('not-found');
        const refused = cutoffCheck(order);
        if (refused) return refused;
        const chosen = ticketIds ? sql`and id = any(${toPgArray(ticketIds)}::uuid[])` : sql``;
        const used = await queryRows<{ id: string }>(
          asDb(tx),
          sql`select id from tickets where order_id = ${orderId} and status = 'used' ${chosen}`,
        );
        if (used.length && ticketIds) return new Error('ticket-used');
        const cancelled = await queryRows<{
          id: string;
          seat_id: string | null;
          area_id: string | null;
          price_cents: number;
        }>(
          asDb(tx),
          sql`update tickets set status = 'cancelled', cancelled_at = now()
              where order_id = ${orderId} and status = 'active' ${chosen}
              returning id, seat_id, area_id, price_cents`,
        );
        if (!cancelled.length) return new Error('nothing');
        const seats = cancelled.flatMap((t) => (t.seat_id ? [t.seat_id] : []));
        if (seats.length) {
          await tx.execute(
            sql`update seat_inventory set status = 'available', hold_id = null, hold_expires_at = null, version = version + 1
                where session_id = ${order.sessionId} and seat_id = any(${toPgArray(seats)}::text[]) and status = 'sold'`,
          );
        }
        const perArea = new Map<string, number>();
        for (const t of cancelled) if (t.area_id) perArea.set(t.area_id, (perArea.get(t.area_id) ?? 0) + 1);
        for (const [areaId, n] of perArea) {
          await tx.execute(
            sql`update ga_inventory set remaining = least(capacity, remaining + ${n}), updated_at = now()
                where session_id = ${order.sessionId} and area_id = ${areaId}`,
          );
        }
        const [{ left } = { left: 0 }] = await queryRows<{ left: number }>(
          asDb(tx),
          sql`select count(*)::int as left from tickets where order_id = ${orderId} and status <> 'cancelled'`,
        );
        if (left === 0)
          await tx
            .update(orders)
            .set({ status: 'cancelled', cancelledAt: new Date() })
            .where(eq(orders.id, orderId));
        const amount = cancelled.reduce((n, t) => n + t.price_cents, 0);
        const [refund] = amount
          ? await tx
              .insert(refunds)
              .values({
                orderId,
                amountCents: amount,
                reason: 'cancelled_by_buyer',
                ticketIds: cancelled.map((t) => t.id),
              })
              .returning()
          : [undefined];
        return { order, seats, refund: refund ?? null, allCancelled: left === 0 };
      });
    },

    async completeRefund(tx: Tx, refundId: string) {
      // Two refunds of one order can complete at once; locking the order serializes them, so the
      // last one sees the other's change and marks the order refunded.
      const [target] = await tx
        .select({ orderId: refunds.orderId })
        .from(refunds)
        .where(eq(refunds.id, refundId));
      if (!target) return null;
      await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, target.orderId)).for('update');
      const [refund] = await tx
        .update(refunds)
        .set({ status: 'succeeded', completedAt: new Date() })
        .where(and(eq(refunds.id, refundId), eq(refunds.status, 'requested')))
        .returning();
      if (!refund) return null;
      // A fully cancelled (or failed-and-refunded) order whose refunds are all done is refunded.
      await tx.execute(sql`
        update orders set status = 'refunded'
        where id = ${refund.orderId} and status in ('cancelled', 'failed')
          and not exists (select 1 from refunds where order_id = ${refund.orderId} and status = 'requested')
          and not exists (select 1 from tickets where order_id = ${refund.orderId} and status <> 'cancelled')`);
      return refund;
    },

    /** Refund requests the provider has not confirmed yet (crash recovery and retries). */
    pendingRefunds: (olderThanMs: number) =>
      queryRows<{
        id: string;
        order_id: string;
        amount_cents: number;
        reason: string;
        provider_ref: string | null;
      }>(
        db,
        sql`select r.id, r.order_id, r.amount_cents, r.reason, p.provider_ref
            from refunds r left join payments p on p.order_id = r.order_id
            where r.status = 'requested' and r.created_at < now() - make_interval(secs => ${olderThanMs / 1000})
            limit 100`,
      ),
  };
}

export type OrdersRepository = ReturnType<typeof ordersRepository>;
