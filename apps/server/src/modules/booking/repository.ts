import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { fromPgArray, toPgArray } from '../../db/pg-array.ts';
import { holds } from '../../db/schema/index.ts';
import { batcher } from '../../lib/batcher.ts';

export type HoldRow = typeof holds.$inferSelect;
export type GaItem = { areaId: string; quantity: number };
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type HoldInput = {
  sessionId: string;
  userId: string;
  seatIds: string[];
  gaItems: GaItem[];
  holdMinutes: number;
};

type HoldOutcomeRow = {
  item: number | string;
  outcome: 'held' | 'checkout' | 'seats' | 'ga' | 'busy';
  hold_id: string | null;
  expires_at: Date | string | null;
  freed: string[] | string | null;
  detail: string | null;
};

/**
 * Up to 64 holds per statement and one batch in the database at a time per process: the batches
 * of one process never wait on each other's seat locks, and PostgreSQL's CPU per hold is already
 * near its floor at this size (docs/BENCHMARKS.md).
 */
const HOLD_BATCH = { maxBatch: 64, maxInFlight: 1 };

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
  /** Many holds in one statement; the answers in the items' order. */
  async function takeHolds(items: HoldInput[]) {
    const rows = await queryRows<HoldOutcomeRow>(
      db,
      sql`select item, outcome, hold_id, expires_at, freed, detail from tk_take_holds(
            ${toPgArray(items.map((i) => i.sessionId))}::uuid[], ${toPgArray(items.map((i) => i.userId))}::uuid[],
            ${`{${items.map((i) => i.seatIds.length).join(',')}}`}::int[], ${toPgArray(items.flatMap((i) => i.seatIds))}::text[],
            ${JSON.stringify(items.map((i) => i.gaItems))}::jsonb, ${`{${items.map((i) => i.holdMinutes).join(',')}}`}::int[])`,
    );
    const ordered: (HoldOutcomeRow | Promise<HoldOutcomeRow>)[] = new Array(items.length);
    for (const row of rows)
      ordered[Number(row.item) - 1] =
        // An item that waited too long for a lock in a batch was undone; alone it waits its
        // turn, and the others are answered meanwhile. (Alone, 'busy' means PostgreSQL found a
        // deadlock and chose this hold: the caller is told to try again.)
        row.outcome === 'busy' && items.length > 1
          ? takeHolds([items[Number(row.item) - 1]!]).then((r) => r[0]!)
          : row;
    return ordered;
  }

  const holdBatches = batcher<HoldInput, HoldOutcomeRow | Promise<HoldOutcomeRow>>(takeHolds, HOLD_BATCH);

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
     * Replaces the buyer's active hold on the session with a new one, all or nothing: releases
     * the old hold, inserts the new one, takes every seat with one conditional UPDATE and the GA
     * places with conditional decrements, and undoes everything if anything is not free. Holds
     * that arrive while this process's previous batch is in the database go out together
     * (tk_take_holds, migration 0012: one round trip and one transaction for many holds, each
     * item in its own subtransaction). A refusal comes back as a row, not an error:
     * node-postgres's Pool closes the connection of a failed statement, and a refused hold is
     * routine. Throws RollbackWith the reason.
     */
    async createHold(input: HoldInput) {
      const row = await holdBatches.submit(input);
      if (row.outcome === 'checkout') {
        const [holdId, orderId] = String(row.detail ?? '').split(' ');
        throw new RollbackWith({ kind: 'checkout', holdId, orderId });
      }
      if (row.outcome === 'seats')
        throw new RollbackWith({
          kind: 'seats',
          seatIds: String(row.detail ?? '')
            .split(',')
            .filter(Boolean),
        });
      if (row.outcome === 'ga') throw new RollbackWith({ kind: 'ga', areaId: row.detail });
      if (row.outcome === 'busy') throw new RollbackWith({ kind: 'busy' });
      return {
        hold: {
          id: row.hold_id!,
          sessionId: input.sessionId,
          userId: input.userId,
          status: 'active' as const,
          seatIds: input.seatIds,
          gaItems: input.gaItems,
          expiresAt: new Date(row.expires_at!),
          createdAt: new Date(),
          endedAt: null,
        } satisfies HoldRow,
        freed: fromPgArray(row.freed),
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
