import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { toPgArray } from '../../db/pg-array.ts';
import { gaInventory, prices, seatInventory, sessions } from '../../db/schema/index.ts';

export type SessionRow = typeof sessions.$inferSelect;
export type PriceRow = typeof prices.$inferSelect;
type SessionValues = Omit<typeof sessions.$inferInsert, 'id' | 'status' | 'publishedAt' | 'createdAt'>;

export type InventorySeed = {
  seats: { seatId: string; category: string; sectionId: string }[];
  gaAreas: { areaId: string; category: string; capacity: number }[];
};

export type CategoryCount = { session_id: string; category: string; capacity: number; available: number };

export function sessionsRepository(db: Db) {
  return {
    async insertSession(values: SessionValues) {
      const [row] = await db.insert(sessions).values(values).returning();
      return row!;
    },

    async updateSession(id: string, patch: Partial<SessionValues>) {
      const [row] = await db
        .update(sessions)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(sessions.id, id))
        .returning();
      return row ?? null;
    },

    async setStatus(id: string, status: SessionRow['status']) {
      const [row] = await db
        .update(sessions)
        .set({ status, updatedAt: new Date() })
        .where(eq(sessions.id, id))
        .returning();
      return row ?? null;
    },

    async findSession(id: string) {
      const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
      return row ?? null;
    },

    listSessionsOfEvent: (eventId: string) =>
      db.select().from(sessions).where(eq(sessions.eventId, eventId)).orderBy(asc(sessions.startsAt)),

    listPublishedSessionsOfEvent: (eventId: string) =>
      db
        .select()
        .from(sessions)
        .where(and(eq(sessions.eventId, eventId), eq(sessions.status, 'published')))
        .orderBy(asc(sessions.startsAt)),

    pricesOf: (sessionIds: string[]) =>
      sessionIds.length
        ? db.select().from(prices).where(inArray(prices.sessionId, sessionIds))
        : Promise.resolve([]),

    /** Replaces the whole price list of a session in one transaction. */
    async replacePrices(sessionId: string, list: Omit<PriceRow, 'sessionId'>[]) {
      await db.transaction(async (tx) => {
        await tx.delete(prices).where(eq(prices.sessionId, sessionId));
        await tx.insert(prices).values(list.map((p) => ({ ...p, sessionId })));
      });
    },

    /**
     * Publishes a draft session and creates its inventory in one transaction: one row per seat
     * (inserted from arrays in a single statement, so 80,000 seats are one round trip) and one
     * capacity row per general-admission area. Returns null when the session was not a draft.
     */
    async publishWithInventory(sessionId: string, seed: InventorySeed) {
      const published = await db.transaction(async (tx) => {
        const [claimed] = await tx
          .update(sessions)
          .set({
            status: 'published',
            publishedAt: new Date(),
            updatedAt: new Date(),
            capacity: seed.seats.length + seed.gaAreas.reduce((n, a) => n + a.capacity, 0),
          })
          .where(and(eq(sessions.id, sessionId), eq(sessions.status, 'draft')))
          .returning();
        if (!claimed) return null;
        if (seed.seats.length) {
          await tx.execute(sql`
            insert into seat_inventory (session_id, seat_id, category, section_id)
            select ${sessionId}::uuid, s.seat_id, s.category, s.section_id
            from unnest(${toPgArray(seed.seats.map((s) => s.seatId))}::text[],
                        ${toPgArray(seed.seats.map((s) => s.category))}::text[],
                        ${toPgArray(seed.seats.map((s) => s.sectionId))}::text[]) as s(seat_id, category, section_id)`);
        }
        if (seed.gaAreas.length) {
          await tx.insert(gaInventory).values(
            seed.gaAreas.map((a) => ({
              sessionId,
              areaId: a.areaId,
              category: a.category,
              capacity: a.capacity,
              remaining: a.capacity,
            })),
          );
        }
        return claimed;
      });
      // Fresh statistics before the first sales rush: without them the planner took the seat
      // UPDATEs of a just-published stadium through the (session, category, status) index,
      // scanning ~80,000 entries per hold (150 holds/s instead of 1,500) until autoanalyze ran.
      if (published && seed.seats.length) await db.execute(sql`analyze seat_inventory`);
      return published;
    },

    /**
     * Capacity and live availability per session and category. A hold past its expiry counts as
     * available: it no longer blocks anyone (the hold predicate ignores it too).
     */
    async categoryCounts(sessionIds: string[]): Promise<CategoryCount[]> {
      if (!sessionIds.length) return [];
      const ids = toPgArray(sessionIds);
      return queryRows<CategoryCount>(
        db,
        sql`select session_id::text, category, count(*)::int as capacity,
              (count(*) filter (where status = 'available' or (status = 'held' and hold_expires_at < now())))::int as available
            from seat_inventory where session_id = any(${ids}::uuid[]) group by 1, 2
            union all
            select session_id::text, category, sum(capacity)::int, sum(remaining)::int
            from ga_inventory where session_id = any(${ids}::uuid[]) group by 1, 2`,
      );
    },

    inventoryRowCount: async (sessionId: string) => {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(seatInventory)
        .where(eq(seatInventory.sessionId, sessionId));
      return row?.n ?? 0;
    },
  };
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
