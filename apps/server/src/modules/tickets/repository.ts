import { and, asc, desc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  events,
  eventTypes,
  orders,
  sessions,
  ticketCheckins,
  ticketDeliveries,
  tickets,
  users,
  venues,
} from '../../db/schema/index.ts';
import type { Tx } from '../../jobs/sql-executor.ts';

export type DeliveryRow = typeof ticketDeliveries.$inferSelect;

/**
 * The only SQL of the tickets module. Tickets are issued by the orders module in the paying
 * transaction; here they are read (joined with their session, event and venue in one query: a
 * read model, rather than one service call per ticket), checked in, and their emails tracked.
 */
const ticketColumns = {
  id: tickets.id,
  orderId: tickets.orderId,
  userId: tickets.userId,
  sessionId: tickets.sessionId,
  seatId: tickets.seatId,
  areaId: tickets.areaId,
  category: tickets.category,
  label: tickets.label,
  priceCents: tickets.priceCents,
  currency: tickets.currency,
  holderName: tickets.holderName,
  status: tickets.status,
  issuedAt: tickets.createdAt,
  usedAt: tickets.usedAt,
  cancelledAt: tickets.cancelledAt,
  startsAt: sessions.startsAt,
  endsAt: sessions.endsAt,
  layoutId: sessions.layoutId,
  eventId: events.id,
  eventTitle: events.title,
  typeKey: events.typeKey,
  typeLabel: eventTypes.label,
  venueName: venues.name,
  venueAddress: venues.address,
  venueCity: venues.city,
  venueCountry: venues.country,
  venueTimezone: venues.timezone,
};

export function ticketsRepository(db: Db) {
  const ticketQuery = (h: Db = db) =>
    h
      .select(ticketColumns)
      .from(tickets)
      .innerJoin(sessions, eq(sessions.id, tickets.sessionId))
      .innerJoin(events, eq(events.id, sessions.eventId))
      .innerJoin(eventTypes, eq(eventTypes.key, events.typeKey))
      .innerJoin(venues, eq(venues.id, sessions.venueId));

  return {
    ticketsOfUser: (userId: string) =>
      ticketQuery()
        .where(and(eq(tickets.userId, userId), ne(tickets.status, 'cancelled')))
        .orderBy(asc(sessions.startsAt), asc(tickets.label))
        .limit(1000),

    ticket: async (ticketId: string) => (await ticketQuery().where(eq(tickets.id, ticketId)))[0] ?? null,

    ticketsOfOrder: (orderId: string) =>
      ticketQuery().where(eq(tickets.orderId, orderId)).orderBy(asc(tickets.label), asc(tickets.id)),

    /** The order's owner, state and the buyer's address. */
    order: async (orderId: string) =>
      (
        await db
          .select({
            id: orders.id,
            userId: orders.userId,
            status: orders.status,
            paidAt: orders.paidAt,
            currency: orders.currency,
            email: users.email,
            name: users.name,
          })
          .from(orders)
          .innerJoin(users, eq(users.id, orders.userId))
          .where(eq(orders.id, orderId))
      )[0] ?? null,

    // ---- deliveries -------------------------------------------------------------------------

    /** The payment's delivery, in the paying transaction; null when it already exists. */
    async insertPaidDelivery(tx: Tx, orderId: string): Promise<string | null> {
      const [row] = await tx
        .insert(ticketDeliveries)
        .values({ orderId, reason: 'paid' })
        .onConflictDoNothing()
        .returning({ id: ticketDeliveries.id });
      return row?.id ?? null;
    },

    /** A re-send, unless one is already waiting (then that one, and `created` is false). */
    async insertResend(tx: Tx, orderId: string): Promise<{ row: DeliveryRow; created: boolean }> {
      const [row] = await tx
        .insert(ticketDeliveries)
        .values({ orderId, reason: 'resend' })
        .onConflictDoNothing()
        .returning();
      if (row) return { row, created: true };
      const [open] = await tx
        .select()
        .from(ticketDeliveries)
        .where(
          and(
            eq(ticketDeliveries.orderId, orderId),
            eq(ticketDeliveries.reason, 'resend'),
            inArray(ticketDeliveries.status, ['queued', 'sending']),
          ),
        );
      return { row: open!, created: false };
    },

    delivery: async (id: string) =>
      (await db.select().from(ticketDeliveries).where(eq(ticketDeliveries.id, id)))[0] ?? null,

    deliveriesOf: (orderId: string) =>
      db
        .select()
        .from(ticketDeliveries)
        .where(eq(ticketDeliveries.orderId, orderId))
        .orderBy(desc(ticketDeliveries.createdAt))
        .limit(20),

    /**
     * Takes a delivery for one attempt: only a queued one, or one whose previous attempt's lease
     * ran out (that attempt crashed). Null when it is sent, failed for good, or being sent now.
     */
    async claim(id: string, leaseSeconds: number): Promise<DeliveryRow | null> {
      const [row] = await db
        .update(ticketDeliveries)
        .set({
          status: 'sending',
          attempts: sql`${ticketDeliveries.attempts} + 1`,
          leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
          updatedAt: sql`now()`,
        })
        .where(
          and(
            eq(ticketDeliveries.id, id),
            or(
              eq(ticketDeliveries.status, 'queued'),
              and(eq(ticketDeliveries.status, 'sending'), lt(ticketDeliveries.leaseUntil, sql`now()`)),
            ),
          ),
        )
        .returning();
      return row ?? null;
    },

    async markSent(id: string, messageId: string) {
      await db
        .update(ticketDeliveries)
        .set({
          status: 'sent',
          sentAt: sql`now()`,
          messageId,
          leaseUntil: null,
          updatedAt: sql`now()`,
        })
        .where(and(eq(ticketDeliveries.id, id), eq(ticketDeliveries.status, 'sending')));
    },

    /** An attempt failed: back to the queue for the next retry, or failed for good. */
    async markAttemptFailed(id: string, error: string, final: boolean) {
      await db
        .update(ticketDeliveries)
        .set({
          status: final ? 'failed' : 'queued',
          lastError: error.slice(0, 1000),
          leaseUntil: null,
          updatedAt: sql`now()`,
        })
        .where(and(eq(ticketDeliveries.id, id), eq(ticketDeliveries.status, 'sending')));
    },

    // ---- check-in ---------------------------------------------------------------------------

    /**
     * Marks the ticket used exactly once: one conditional UPDATE (active, and of the door's session
     * when one is given), so of concurrent scans exactly one gets a row back. The check-in record
     * is written in the same transaction.
     */
    async checkIn(ticketId: string, doorSessionId: string | null, staffId: string) {
      return db.transaction(async (tx) => {
        const [used] = await tx
          .update(tickets)
          .set({ status: 'used', usedAt: sql`now()` })
          .where(
            and(
              eq(tickets.id, ticketId),
              eq(tickets.status, 'active'),
              doorSessionId ? eq(tickets.sessionId, doorSessionId) : undefined,
            ),
          )
          .returning({ id: tickets.id, sessionId: tickets.sessionId, usedAt: tickets.usedAt });
        if (!used) return null;
        await tx
          .insert(ticketCheckins)
          .values({ ticketId, sessionId: used.sessionId, checkedInBy: staffId, checkedInAt: used.usedAt! });
        return used;
      });
    },
  };
}

export type TicketsRepository = ReturnType<typeof ticketsRepository>;
export type TicketRow = Awaited<ReturnType<TicketsRepository['ticketsOfOrder']>>[number];
