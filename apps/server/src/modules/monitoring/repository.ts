import type { CategorySalesQuery, RegistrationsQuery } from '@ticketing/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { toPgArray } from '../../db/pg-array.ts';

/**
 * The only SQL of the monitoring module: read-only aggregates over the booking, orders and tickets
 * tables (which belong to other modules; monitoring never writes them) and pg-boss's job table.
 * Times come back as epoch milliseconds and money as float8, the same on pg and PGlite.
 */

/** A live hold: active and not yet past its expiry (the sweeper may not have run yet). */
const LIVE_HOLD = sql`status = 'active' and expires_at > now()`;
/** Seats plus general-admission places in a hold. */
const HELD_UNITS = sql`cardinality(seat_ids) + coalesce((select sum((x->>'quantity')::int) from jsonb_array_elements(ga_items) x), 0)`;

export type EventSessionRow = {
  event_id: string;
  title: string;
  event_status: 'draft' | 'published' | 'cancelled' | 'ended';
  session_id: string | null;
  starts_at: number | null;
  ends_at: number | null;
  sales_open_at: number | null;
  sales_close_at: number | null;
  session_status: 'draft' | 'published' | 'cancelled' | null;
  capacity: number | null;
  venue_name: string | null;
};

const epoch = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;

/** Orders or tickets of one event and/or one session (`alias` is the table's alias in the query). */
function scopeFilter(alias: string, q: { eventId?: string; sessionId?: string }): SQL {
  const parts: SQL[] = [];
  const column = sql.raw(`${alias}.session_id`);
  if (q.sessionId) parts.push(sql`${column} = ${q.sessionId}::uuid`);
  if (q.eventId) parts.push(sql`${column} in (select id from sessions where event_id = ${q.eventId}::uuid)`);
  return parts.length ? sql`and ${sql.join(parts, sql` and `)}` : sql``;
}

export function monitoringRepository(db: Db) {
  return {
    /** The most relevant events (upcoming first, then the most recent) with all their sessions. */
    async eventsWithSessions(limit: number) {
      return queryRows<EventSessionRow>(
        db,
        sql`with picked as (
              select id from events
              order by (next_session_at is null), next_session_at, last_session_at desc nulls last, created_at desc
              limit ${limit}
            )
            select e.id::text as event_id, e.title, e.status as event_status, s.id::text as session_id,
              ${epoch(sql`s.starts_at`)} as starts_at, ${epoch(sql`s.ends_at`)} as ends_at,
              ${epoch(sql`s.sales_open_at`)} as sales_open_at, ${epoch(sql`s.sales_close_at`)} as sales_close_at,
              s.status as session_status, s.capacity, v.name as venue_name
            from picked p join events e on e.id = p.id
            left join sessions s on s.event_id = e.id
            left join venues v on v.id = s.venue_id
            order by (e.next_session_at is null), e.next_session_at, e.last_session_at desc nulls last,
              e.created_at desc, e.id, s.starts_at`,
      );
    },

    countEvents: async () =>
      (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from events`))[0]?.n ?? 0,

    /** Sold, held, paid orders and revenue of these sessions. */
    async sessionFigures(sessionIds: string[]) {
      if (!sessionIds.length) return { sold: [], held: [], paid: [] };
      const ids = sql`${toPgArray(sessionIds)}::uuid[]`;
      const [sold, held, paid] = await Promise.all([
        queryRows<{ session_id: string; n: number }>(
          db,
          sql`select session_id::text, count(*)::int as n from tickets
              where status <> 'cancelled' and session_id = any(${ids}) group by 1`,
        ),
        queryRows<{ session_id: string; n: number }>(
          db,
          sql`select session_id::text, sum(${HELD_UNITS})::int as n from holds
              where ${LIVE_HOLD} and session_id = any(${ids}) group by 1`,
        ),
        queryRows<{ session_id: string; currency: string; n: number; cents: number }>(
          db,
          sql`select session_id::text, currency, count(*)::int as n, sum(total_cents)::float8 as cents
              from orders where status = 'paid' and session_id = any(${ids}) group by 1, 2`,
        ),
      ]);
      return { sold, held, paid };
    },

    /** Platform-wide gauges: live holds, orders and tickets by status. */
    async businessFigures() {
      const [holds, orders, tickets] = await Promise.all([
        queryRows<{ holds: number; units: number }>(
          db,
          sql`select count(*)::int as holds, coalesce(sum(${HELD_UNITS}), 0)::int as units
              from holds where ${LIVE_HOLD}`,
        ),
        queryRows<{ status: string; n: number }>(
          db,
          sql`select status, count(*)::int as n from orders group by 1`,
        ),
        queryRows<{ status: string; n: number }>(
          db,
          sql`select status, count(*)::int as n from tickets group by 1`,
        ),
      ]);
      return {
        holdsActive: holds[0]?.holds ?? 0,
        seatsHeld: holds[0]?.units ?? 0,
        ordersByStatus: Object.fromEntries(orders.map((r) => [r.status, r.n])) as Record<string, number>,
        ticketsByStatus: Object.fromEntries(tickets.map((r) => [r.status, r.n])) as Record<string, number>,
      };
    },

    /** pg-boss's jobs per queue; empty until pg-boss has installed its schema. */
    async jobQueues() {
      const installed = await queryRows<{ ok: boolean }>(
        db,
        sql`select to_regclass('pgboss.job') is not null as ok`,
      );
      if (!installed[0]?.ok) return [];
      return queryRows<{ queue: string; queued: number; active: number; failed: number }>(
        db,
        sql`select name as queue,
              (count(*) filter (where state in ('created', 'retry')))::int as queued,
              (count(*) filter (where state = 'active'))::int as active,
              (count(*) filter (where state = 'failed'))::int as failed
            from pgboss.job group by 1 order by 1`,
      );
    },

    /**
     * Orders placed, orders paid and tickets issued per bucket, cut in the viewer's time zone.
     * Buckets are generated in local wall time so empty ones are present too (PostgreSQL 15 has
     * no time-zone-aware generate_series); at the autumn clock change the repeated hour is one bucket.
     */
    async registrations(q: RegistrationsQuery) {
      const unit = q.bucket;
      const step = `1 ${unit}`;
      const local = (column: SQL) => sql`date_trunc(${unit}, ${column} at time zone ${q.tz})`;
      const range = (column: SQL) =>
        sql`${column} >= ${q.from}::timestamptz and ${column} < ${q.to}::timestamptz`;
      return queryRows<{ t: number; orders: number; paid: number; tickets: number }>(
        db,
        sql`with series as (
              select g as b from generate_series(
                date_trunc(${unit}, ${q.from}::timestamptz at time zone ${q.tz}),
                ${q.to}::timestamptz at time zone ${q.tz},
                ${step}::interval) g
              where g < ${q.to}::timestamptz at time zone ${q.tz}
            ),
            placed as (
              select ${local(sql`o.created_at`)} as b, count(*)::int as n from orders o
              where ${range(sql`o.created_at`)} ${scopeFilter('o', q)} group by 1
            ),
            paid as (
              select ${local(sql`o.paid_at`)} as b, count(*)::int as n from orders o
              where o.paid_at is not null and ${range(sql`o.paid_at`)} ${scopeFilter('o', q)} group by 1
            ),
            issued as (
              select ${local(sql`t.created_at`)} as b, count(*)::int as n from tickets t
              where ${range(sql`t.created_at`)} ${scopeFilter('t', q)} group by 1
            )
            select ${epoch(sql`(series.b at time zone ${q.tz})`)} as t,
              coalesce(placed.n, 0) as orders, coalesce(paid.n, 0) as paid, coalesce(issued.n, 0) as tickets
            from series
            left join placed on placed.b = series.b
            left join paid on paid.b = series.b
            left join issued on issued.b = series.b
            order by series.b`,
      );
    },

    /** Tickets sold (not cancelled) and their revenue per seating category, labelled from the layouts. */
    async categorySales(q: CategorySalesQuery) {
      const from = q.from ? sql`and t.created_at >= ${q.from}::timestamptz` : sql``;
      const to = q.to ? sql`and t.created_at < ${q.to}::timestamptz` : sql``;
      return queryRows<{
        category: string;
        currency: string;
        tickets: number;
        cents: number;
        label: string | null;
        color: string | null;
      }>(
        db,
        sql`with sold as (
              select t.session_id, t.category, t.currency, count(*) as n, sum(t.price_cents) as cents
              from tickets t
              where t.status <> 'cancelled' ${from} ${to} ${scopeFilter('t', q)}
              group by 1, 2, 3
            )
            select sold.category, sold.currency, sum(sold.n)::int as tickets, sum(sold.cents)::float8 as cents,
              min(c.value->>'label') as label, min(c.value->>'color') as color
            from sold
            join sessions s on s.id = sold.session_id
            join layouts l on l.id = s.layout_id
            left join lateral (
              select value from jsonb_array_elements(l.categories) where value->>'key' = sold.category limit 1
            ) c on true
            group by 1, 2
            order by 3 desc, 1`,
      );
    },
  };
}

export type MonitoringRepository = ReturnType<typeof monitoringRepository>;
