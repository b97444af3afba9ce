import type { EventsQuery } from '@ticketing/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { events, eventTypes } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../lib/pg-errors.ts';
import { buildSearchQuery, type SearchMode } from './search-query.ts';

export type EventRow = typeof events.$inferSelect;

export type SearchRow = {
  id: string;
  title: string;
  image_url: string | null;
  tags: string[];
  type_key: string;
  type_label: string;
  cities: string[];
  venue_names: string[];
  next_session_at: Date | string | null;
  session_count: number;
  price_min_cents: number | null;
  currency: string | null;
  sold_ratio: number;
  total: string | number;
};

export type AdminEventListRow = {
  id: string;
  title: string;
  description: string;
  type_key: string;
  image_url: string | null;
  tags: string[];
  status: EventRow['status'];
  created_at: Date | string;
  updated_at: Date | string;
  session_total: number;
  total: string | number;
};

/** Weighted full-text document: title, then tags, then the (stemmed) description. */
const searchDocument = (title: string, tags: string[], description: string) =>
  sql`setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${tags.join(' ')}), 'B') || setweight(to_tsvector('english', ${description}), 'C')`;

export function catalogRepository(db: Db) {
  return {
    listEventTypes: (includeRetired: boolean) =>
      db
        .select()
        .from(eventTypes)
        .where(includeRetired ? undefined : sql`${eventTypes.retiredAt} is null`)
        .orderBy(asc(eventTypes.label)),

    async findEventType(key: string) {
      const [row] = await db.select().from(eventTypes).where(eq(eventTypes.key, key));
      return row ?? null;
    },

    /** null when the key exists already. */
    async insertEventType(key: string, label: string) {
      try {
        const [row] = await db.insert(eventTypes).values({ key, label }).returning();
        return row ?? null;
      } catch (err) {
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    },

    async updateEventType(key: string, patch: { label?: string; retired?: boolean }) {
      const [row] = await db
        .update(eventTypes)
        .set({
          ...(patch.label !== undefined ? { label: patch.label } : {}),
          ...(patch.retired !== undefined ? { retiredAt: patch.retired ? new Date() : null } : {}),
        })
        .where(eq(eventTypes.key, key))
        .returning();
      return row ?? null;
    },

    async insertEvent(input: {
      title: string;
      description: string;
      typeKey: string;
      imageUrl: string | null;
      tags: string[];
    }) {
      const [row] = await db
        .insert(events)
        .values({ ...input, searchDocument: searchDocument(input.title, input.tags, input.description) })
        .returning();
      return row!;
    },

    async updateEvent(
      id: string,
      patch: Partial<Pick<EventRow, 'title' | 'description' | 'typeKey' | 'imageUrl' | 'tags' | 'status'>>,
    ) {
      return db.transaction(async (tx) => {
        const [current] = await tx.select().from(events).where(eq(events.id, id)).for('update');
        if (!current) return null;
        const next = { ...current, ...patch };
        const [row] = await tx
          .update(events)
          .set({
            ...patch,
            searchDocument: searchDocument(next.title, next.tags, next.description),
            updatedAt: new Date(),
            ...(patch.status === 'published' && !current.publishedAt ? { publishedAt: new Date() } : {}),
          })
          .where(eq(events.id, id))
          .returning();
        return { before: current, after: row! };
      });
    },

    async findEvent(id: string) {
      const [row] = await db.select().from(events).where(eq(events.id, id));
      return row ?? null;
    },

    async listEventsForAdmin(opts: { q?: string; status?: string; limit: number; offset: number }) {
      return queryRows<AdminEventListRow>(
        db,
        sql`select e.*, (select count(*)::int from sessions s where s.event_id = e.id) as session_total,
              count(*) over () as total
            from events e
            where (${opts.status ?? null}::text is null or e.status = ${opts.status ?? null})
              and (${opts.q ?? null}::text is null or lower(e.title) like ${`%${(opts.q ?? '').toLowerCase()}%`})
            order by e.updated_at desc
            limit ${opts.limit} offset ${opts.offset}`,
      );
    },

    search: (q: EventsQuery, mode: SearchMode) => queryRows<SearchRow>(db, buildSearchQuery(q, mode)),

    /**
     * Recomputes the browse summary of one event from its published sessions, venues and prices,
     * in one statement. Called after every change to sessions or prices of that event.
     */
    async refreshEventSummary(eventId: string) {
      await db.execute(sql`
        update events e set
          next_session_at = s.next_at,
          last_session_at = s.last_at,
          session_count = s.n,
          cities = s.cities,
          venue_ids = s.venue_ids,
          venue_names = s.venue_names,
          price_min_cents = p.pmin,
          price_max_cents = p.pmax,
          currency = p.currency
        from (
          select
            min(se.starts_at) filter (where se.starts_at > now()) as next_at,
            max(se.starts_at) as last_at,
            (count(*) filter (where se.starts_at > now()))::int as n,
            coalesce(array_agg(distinct v.city) filter (where se.starts_at > now()), '{}') as cities,
            coalesce(array_agg(distinct v.id) filter (where se.starts_at > now()), '{}') as venue_ids,
            coalesce(array_agg(distinct v.name) filter (where se.starts_at > now()), '{}') as venue_names
          from sessions se join venues v on v.id = se.venue_id
          where se.event_id = ${eventId} and se.status = 'published'
        ) s,
        (
          select min(pr.amount_cents) as pmin, max(pr.amount_cents) as pmax, min(pr.currency) as currency
          from prices pr join sessions se on se.id = pr.session_id
          where se.event_id = ${eventId} and se.status = 'published' and se.starts_at > now()
        ) p
        where e.id = ${eventId}`);
    },

    /** Upcoming events whose summary may be stale (a session started since the last refresh). */
    async eventsWithStaleSummary() {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`select id from events where next_session_at is not null and next_session_at <= now()`,
      );
      return rows.map((r) => r.id);
    },

    /** Popularity: share of seats sold across each event's upcoming sessions, from inventory. */
    async refreshSoldRatios() {
      await db.execute(sql`
        update events e set sold_ratio = coalesce(x.ratio, 0)
        from (
          select se.event_id,
            (count(*) filter (where i.status = 'sold'))::float8 / nullif(count(*), 0) as ratio
          from sessions se join seat_inventory i on i.session_id = se.id
          where se.status = 'published' and se.starts_at > now()
          group by se.event_id
        ) x
        where e.id = x.event_id and e.sold_ratio is distinct from coalesce(x.ratio, 0)`);
    },
  };
}

export type CatalogRepository = ReturnType<typeof catalogRepository>;
