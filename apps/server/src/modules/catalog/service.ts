import type { EventCreate, EventStatus, EventSummary, EventsQuery } from '@ticketing/contracts';
import { NotFound } from '../../lib/errors.ts';
import { type ResponseCache, responseCache } from '../../lib/response-cache.ts';
import type { SessionsService } from '../sessions/service.ts';
import type { VenuesService } from '../venues/service.ts';
import { EventTypeTaken, InvalidStatusChange, UnknownEventType } from './errors.ts';
import type { CatalogRepository, EventRow, SearchRow } from './repository.ts';
import { toSessionSummary } from './session-summary.ts';
import { canChangeStatus } from './status-rules.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toSummary(r: SearchRow): EventSummary {
  return {
    id: r.id,
    title: r.title,
    type: { key: r.type_key, label: r.type_label },
    imageUrl: r.image_url,
    tags: r.tags,
    cities: r.cities,
    venues: r.venue_names,
    nextSessionAt: iso(r.next_session_at),
    sessionCount: r.session_count,
    priceFrom:
      r.price_min_cents === null ? null : { amountCents: r.price_min_cents, currency: r.currency ?? 'EUR' },
    soldRatio: Number(r.sold_ratio),
  };
}

export function toAdminEvent(row: EventRow, sessionCount: number) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    typeKey: row.typeKey,
    imageUrl: row.imageUrl,
    tags: row.tags,
    status: row.status,
    sessionCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function catalogService(deps: {
  repo: CatalogRepository;
  sessions: () => SessionsService;
  venues: VenuesService;
  /** Tells the other processes to drop their browse caches (coordinator pub/sub; never awaited by browse). */
  broadcastChange: () => void;
}) {
  const { repo } = deps;
  // Lists change only through admin edits (which clear the caches of every process) and the
  // minute's popularity refresh: fresh for 10 s. An event page carries live availability: 1 s.
  // Past that, entries are served stale while one background load refreshes them.
  const lists: ResponseCache = responseCache({ ttlMs: 10_000, staleMs: 60_000, maxEntries: 2_000 });
  const details: ResponseCache = responseCache({ ttlMs: 1_000, staleMs: 10_000, maxEntries: 5_000 });

  function dropCaches() {
    lists.clear();
    details.clear();
  }
  function changed() {
    dropCaches();
    deps.broadcastChange();
  }

  async function sessionSummaries(sessionRows: Awaited<ReturnType<SessionsService['listPublishedOfEvent']>>) {
    const sessions = deps.sessions();
    const ids = sessionRows.map((s) => s.id);
    const [counts, prices] = await Promise.all([sessions.categoryCounts(ids), sessions.pricesOf(ids)]);
    const venueIds = [...new Set(sessionRows.map((s) => s.venueId))];
    const layoutIds = [...new Set(sessionRows.map((s) => s.layoutId))];
    const [venues, layouts] = await Promise.all([
      Promise.all(venueIds.map((id) => deps.venues.findVenueRow(id))),
      Promise.all(layoutIds.map((id) => deps.venues.findLayoutMeta(id))),
    ]);
    return sessionRows.map((session) =>
      toSessionSummary({
        session,
        venue: venues.find((v) => v?.id === session.venueId)!,
        layout: layouts.find((l) => l?.id === session.layoutId)!,
        prices,
        counts,
      }),
    );
  }

  async function loadEventDetail(id: string) {
    const event = await repo.findEvent(id);
    if (!event || event.status !== 'published') return null;
    const type = await repo.findEventType(event.typeKey);
    const now = Date.now();
    const rows = (await deps.sessions().listPublishedOfEvent(id)).filter((s) => s.endsAt.getTime() > now);
    const sessions = await sessionSummaries(rows);
    const prices = sessions.flatMap((s) => s.categories.flatMap((c) => (c.price ? [c.price] : [])));
    const cheapest = prices.sort((a, b) => a.amountCents - b.amountCents)[0] ?? null;
    const capacity = sessions.reduce((n, s) => n + s.capacity, 0);
    const available = sessions.reduce((n, s) => n + s.available, 0);
    return {
      id: event.id,
      title: event.title,
      description: event.description,
      status: event.status,
      type: { key: event.typeKey, label: type?.label ?? event.typeKey },
      imageUrl: event.imageUrl,
      tags: event.tags,
      cities: [...new Set(sessions.map((s) => s.venue.city))],
      venues: [...new Set(sessions.map((s) => s.venue.name))],
      nextSessionAt: sessions.find((s) => new Date(s.startsAt).getTime() > now)?.startsAt ?? null,
      sessionCount: sessions.length,
      priceFrom: cheapest,
      soldRatio: capacity ? (capacity - available) / capacity : 0,
      sessions,
    };
  }

  return {
    dropCaches,

    listEventTypes: async (includeRetired = false) =>
      (await repo.listEventTypes(includeRetired)).map((t) => ({
        key: t.key,
        label: t.label,
        retired: t.retiredAt !== null,
      })),

    /** Browse and search: full text first, typo-tolerant trigram match when full text finds nothing. */
    search(query: EventsQuery) {
      const key = JSON.stringify(query);
      return lists.get(key, async () => {
        const text = query.q?.trim();
        let rows = await repo.search(query, text ? 'fulltext' : 'none');
        let fuzzy = false;
        // Typo tolerance when the full text matches nothing at all (not merely past its last page).
        const noMatches =
          !!text &&
          rows.length === 0 &&
          (query.page === 1 ||
            (await repo.search({ ...query, page: 1, pageSize: 1 }, 'fulltext')).length === 0);
        if (noMatches) {
          rows = await repo.search(query, 'fuzzy');
          fuzzy = rows.length > 0;
        }
        return {
          items: rows.map(toSummary),
          total: rows.length ? Number(rows[0]!.total) : 0,
          page: query.page,
          pageSize: query.pageSize,
          fuzzy,
        };
      });
    },

    async eventDetail(id: string) {
      const cached = await details.get(`event:${id}`, () => loadEventDetail(id));
      if (cached.body === 'null') throw new NotFound('Event');
      return cached;
    },

    async sessionDetail(id: string) {
      const cached = await details.get(`session:${id}`, async () => {
        const session = await deps.sessions().findRow(id);
        if (!session || session.status !== 'published') return null;
        const event = await repo.findEvent(session.eventId);
        if (!event || event.status !== 'published') return null;
        const [summary] = await sessionSummaries([session]);
        return {
          ...summary!,
          event: { id: event.id, title: event.title, typeKey: event.typeKey, imageUrl: event.imageUrl },
        };
      });
      if (cached.body === 'null') throw new NotFound('Session');
      return cached;
    },

    // ---- admin ----
    async createEventType(key: string, label: string) {
      const row = await repo.insertEventType(key, label);
      if (!row) throw new EventTypeTaken(key);
      changed();
      return { key: row.key, label: row.label, retired: false };
    },

    async updateEventType(key: string, patch: { label?: string; retired?: boolean }) {
      const row = await repo.updateEventType(key, patch);
      if (!row) throw new NotFound('Event type');
      changed();
      return { key: row.key, label: row.label, retired: row.retiredAt !== null };
    },

    async assertActiveType(key: string) {
      const type = await repo.findEventType(key);
      if (!type || type.retiredAt) throw new UnknownEventType(key);
    },

    async createEvent(input: EventCreate) {
      await this.assertActiveType(input.typeKey);
      const row = await repo.insertEvent({ ...input, imageUrl: input.imageUrl ?? null });
      return toAdminEvent(row, 0);
    },

    async updateEvent(id: string, patch: Partial<EventCreate>) {
      if (patch.typeKey) await this.assertActiveType(patch.typeKey);
      const result = await repo.updateEvent(id, patch);
      if (!result) throw new NotFound('Event');
      changed();
      return toAdminEvent(result.after, (await deps.sessions().listForEvent(id)).length);
    },

    async changeStatus(id: string, status: EventStatus) {
      const current = await repo.findEvent(id);
      if (!current) throw new NotFound('Event');
      if (!canChangeStatus(current.status, status)) throw new InvalidStatusChange(current.status, status);
      const result = await repo.updateEvent(id, { status });
      await repo.refreshEventSummary(id);
      changed();
      return toAdminEvent(result!.after, (await deps.sessions().listForEvent(id)).length);
    },

    async getAdminEvent(id: string) {
      const row = await repo.findEvent(id);
      if (!row) throw new NotFound('Event');
      return toAdminEvent(row, (await deps.sessions().listForEvent(id)).length);
    },

    async listAdminEvents(opts: { q?: string; status?: string; page: number; pageSize: number }) {
      const rows = await repo.listEventsForAdmin({
        q: opts.q,
        status: opts.status,
        limit: opts.pageSize,
        offset: (opts.page - 1) * opts.pageSize,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          description: r.description,
          typeKey: r.type_key,
          imageUrl: r.image_url,
          tags: r.tags,
          status: r.status,
          sessionCount: r.session_total,
          createdAt: new Date(r.created_at).toISOString(),
          updatedAt: new Date(r.updated_at).toISOString(),
        })),
        total: rows.length ? Number(rows[0]!.total) : 0,
        page: opts.page,
        pageSize: opts.pageSize,
      };
    },

    eventExists: async (id: string) => (await repo.findEvent(id)) !== null,

    /** After sessions or prices of an event changed: recompute its browse summary, drop caches. */
    async sessionsChanged(eventId: string) {
      await repo.refreshEventSummary(eventId);
      changed();
    },

    /** Periodic upkeep: summaries whose next session has started, and popularity from inventory. */
    async refreshBrowseSummaries() {
      for (const id of await repo.eventsWithStaleSummary()) await repo.refreshEventSummary(id);
      await repo.refreshSoldRatios();
      dropCaches();
    },
  };
}

export type CatalogService = ReturnType<typeof catalogService>;
