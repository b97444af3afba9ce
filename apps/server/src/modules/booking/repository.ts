import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { fromPgArray, toPgArray } from '../../db/pg-array.ts';
import { holds } from '../../db/schema/index.ts';

export type HoldRow = typeof holds.$inferSelect;
export type GaItem = { areaId: string; quantity: number };
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export class RollbackWith extends Error {
  constructor(readonly reason: unknown) {
    super('rolled back');
  }
}

/**
 * The only SQL of the booking core. Every state change of a seat is one conditional UPDATE whose
 * WHERE clause is the rule: a seat is taken only if it is available or its hold has expired, so no
 * read-then-write window exists and an expired hold never blocks anyone, sweeper or not.
 */
export function bookingRepository(db: Db) {
  /**
   * Seats back to available, only those still held by this hold (another hold may own them now).
   * Found through the primary key by the hold's seat ids: seat_inventory has no hold_id index.
   */
  async function releaseHoldSeats(tx: Tx, hold: { sessionId: string; id: string; seatIds: string[] }) {
    if (!hold.seatIds.length) return [];
    const rows = await queryRows<{ seat_id: string }>(
      tx as unknown as Db,
      sql`update seat_inventory set status = 'available', hold_id = null, hold_expires_at = null, version = version + 1
          where session_id = ${hold.sessionId} and seat_id = any(${toPgArray(hold.seatIds)}::text[])
            and hold_id = ${hold.id} and status = 'held'
          returning seat_id`,
    );
    return rows.map((r) => r.seat_id);
  }

  async function returnGa(tx: Tx, sessionId: string, items: GaItem[]) {
    for (const item of items) {
      await tx.execute(
        sql`update ga_inventory set remaining = least(capacity, remaining + ${item.quantity}), updated_at = now()
            where session_id = ${sessionId} and area_id = ${item.areaId}`,
      );
    }
  }

  return {
    releaseHoldSeats,
    returnGa,

    /**
     * Replaces the buyer's active hold on the session with a new one, all or nothing, in ONE round
     * trip: tk_take_hold (migration 0009, around tk_create_hold of 0006/0008) releases the old
     * hold, inserts the new one, takes every seat with one conditional UPDATE and the GA places
     * with conditional decrements, and undoes everything if anything is not free. A refusal comes
     * back as a row, not an error: node-postgres's Pool closes the connection of a failed
     * statement, and a refused hold is routine. Throws RollbackWith the reason.
     */
    async createHold(input: {
      sessionId: string;
      userId: string;
      seatIds: string[];
      gaItems: GaItem[];
      holdMinutes: number;
    }) {
      const [row] = await queryRows<{
        outcome: 'held' | 'checkout' | 'seats' | 'ga';
        hold_id: string | null;
        expires_at: Date | string | null;
        freed: string[] | string | null;
        detail: string | null;
      }>(
        db,
        sql`select outcome, hold_id, expires_at, freed, detail from tk_take_hold(${input.sessionId}::uuid, ${input.userId}::uuid,
              ${toPgArray(input.seatIds)}::text[], ${JSON.stringify(input.gaItems)}::jsonb, ${input.holdMinutes}::int)`,
      );
      if (row!.outcome === 'checkout') {
        const [holdId, orderId] = String(row!.detail ?? '').split(' ');
        throw new RollbackWith({ kind: 'checkout', holdId, orderId });
      }
      if (row!.outcome === 'seats')
        throw new RollbackWith({
          kind: 'seats',
          seatIds: String(row!.detail ?? '')
            .split(',')
            .filter(Boolean),
        });
      if (row!.outcome === 'ga') throw new RollbackWith({ kind: 'ga', areaId: row!.detail });
      return {
        hold: {
          id: row!.hold_id!,
          sessionId: input.sessionId,
          userId: input.userId,
          status: 'active' as const,
          seatIds: input.seatIds,
          gaItems: input.gaItems,
          expiresAt: new Date(row!.expires_at!),
          createdAt: new Date(),
          endedAt: null,
        } satisfies HoldRow,
        freed: fromPgArray(row!.freed),
      };
    },

    async findHold(id: string) {
      const [row] = await db.select().from(holds).where(eq(holds.id, id));
      return row ?? null;
    },

    /** Releases an active hold of this user; null when there is none to release. */
    async releaseHold(holdId: string, userId: string) {
      return db.transaction(async (tx) => {
        const [hold] = await tx
          .update(holds)
          .set({ status: 'released', endedAt: new Date() })
          .where(and(eq(holds.id, holdId), eq(holds.userId, userId), eq(holds.status, 'active')))
          .returning();
        if (!hold) return null;
        const freed = await releaseHoldSeats(tx, hold);
        await returnGa(tx, hold.sessionId, hold.gaItems as GaItem[]);
        return { hold, freed };
      });
    },

    /** The sweeper: ends holds past their expiry (a batch at a time) and frees what they still hold. */
    async expireDueHolds(limit: number) {
      return db.transaction(async (tx) => {
        const expired = await queryRows<{
          id: string;
          session_id: string;
          seat_ids: string[] | string;
          ga_items: GaItem[];
        }>(
          tx as unknown as Db,
          sql`update holds set status = 'expired', ended_at = now()
              where id in (select id from holds where status = 'active' and expires_at < now()
                           order by expires_at limit ${limit} for update skip locked)
              returning id, session_id, seat_ids, ga_items`,
        );
        const freedBySession = new Map<string, string[]>();
        for (const h of expired) {
          const freed = await releaseHoldSeats(tx, {
            sessionId: h.session_id,
            id: h.id,
            seatIds: fromPgArray(h.seat_ids),
          });
          await returnGa(tx, h.session_id, h.ga_items);
          if (freed.length)
            freedBySession.set(h.session_id, [...(freedBySession.get(h.session_id) ?? []), ...freed]);
        }
        return { count: expired.length, freedBySession };
      });
    },

    /** Status of every seat of a session: the input of best available and of the compact map. */
    seatStates: (sessionId: string) =>
      queryRows<{ seat_id: string; status: string; expired: boolean }>(
        db,
        sql`select seat_id, status, (status = 'held' and hold_expires_at < now()) as expired
            from seat_inventory where session_id = ${sessionId}`,
      ),

    availableSeatsInCategory: async (sessionId: string, category: string) => {
      const rows = await queryRows<{ seat_id: string }>(
        db,
        sql`select seat_id from seat_inventory
            where session_id = ${sessionId} and category = ${category}
              and (status = 'available' or (status = 'held' and hold_expires_at < now()))`,
      );
      return new Set(rows.map((r) => r.seat_id));
    },

    gaRemaining: (sessionId: string) =>
      queryRows<{ area_id: string; remaining: number; capacity: number }>(
        db,
        sql`select area_id, remaining, capacity from ga_inventory where session_id = ${sessionId}`,
      ),
  };
}

export type BookingRepository = ReturnType<typeof bookingRepository>;
