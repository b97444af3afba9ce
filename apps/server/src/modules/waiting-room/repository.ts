import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { SessionFacts } from './room.ts';

/**
 * The waiting room's only SQL: which sessions need a room, one session's facts (a room nobody has
 * published yet), and how much is left to sell. Read by the admission leader (a few times a second
 * at most) and on a room's first use in a process, never per poll or per join.
 * Stock is read straight from inventory as a report; selling stays the booking module's job.
 */
type FactsRow = {
  id: string;
  status: string;
  queue_mode: SessionFacts['queueMode'];
  queue_settings: Record<string, unknown> | null;
  sales_open_at: string | Date;
  sales_close_at: string | Date;
};
const FACTS = sql`select id::text, status, queue_mode, queue_settings, sales_open_at, sales_close_at from sessions`;
const factsOf = (r: FactsRow): SessionFacts => ({
  id: r.id,
  status: r.status,
  queueMode: r.queue_mode,
  queueSettings: r.queue_settings ?? {},
  salesOpenAt: new Date(r.sales_open_at),
  salesCloseAt: new Date(r.sales_close_at),
});

export function waitingRoomRepository(db: Db) {
  return {
    /** Published sessions with a queue whose sales have not closed, or that closed a moment ago. */
    async queuedSessions(): Promise<SessionFacts[]> {
      const rows = await queryRows<FactsRow>(
        db,
        sql`${FACTS}
            where queue_mode <> 'off' and status in ('published', 'cancelled')
              and sales_close_at > now() - interval '1 minute'
            order by sales_open_at limit 5000`,
      );
      return rows.map(factsOf);
    },

    /** One session's facts, whatever its state (null when there is no such session). */
    async sessionFacts(sessionId: string): Promise<SessionFacts | null> {
      const [row] = await queryRows<FactsRow>(db, sql`${FACTS} where id = ${sessionId}`);
      return row ? factsOf(row) : null;
    },

    /** Free seats and GA places, and seats under live holds (an expired hold counts as free). */
    async stock(sessionId: string): Promise<{ available: number; held: number }> {
      const [row] = await queryRows<{ available: number; held: number }>(
        db,
        sql`select
              coalesce((select count(*) filter (where status = 'available' or (status = 'held' and hold_expires_at < now()))
                        from seat_inventory where session_id = ${sessionId}), 0)::int
              + coalesce((select sum(remaining) from ga_inventory where session_id = ${sessionId}), 0)::int as available,
              coalesce((select count(*) filter (where status = 'held' and hold_expires_at >= now())
                        from seat_inventory where session_id = ${sessionId}), 0)::int as held`,
      );
      return { available: row?.available ?? 0, held: row?.held ?? 0 };
    },
  };
}

export type WaitingRoomRepository = ReturnType<typeof waitingRoomRepository>;
