import { gzipSync } from 'node:zlib';
import type { Plan } from '@ticketing/seatmap';
import { pickBestAvailable } from '@ticketing/seatmap';
import { NotFound, ValidationFailed } from '../../lib/errors.ts';
import { type ResponseCache, responseCache } from '../../lib/response-cache.ts';
import type { SessionsService } from '../sessions/service.ts';
import type { VenuesService } from '../venues/service.ts';
import {
  CheckoutInProgress,
  GaSoldOut,
  NotEnoughSeats,
  SalesClosed,
  SeatsBusy,
  SeatsUnavailable,
  TooManySeats,
  UnknownSeats,
} from './errors.ts';
import { type BookingRepository, type GaItem, type HoldRow, RollbackWith } from './repository.ts';
import { type SeatEvents, STATUS_CODE } from './seat-events.ts';
import { type SessionPlan, sessionPlanCache } from './session-plan.ts';

export type HoldRequest =
  | { seatIds: string[] }
  | { category: string; quantity: number; sectionId?: string }
  | { gaAreaId: string; quantity: number };

/** Best available reads a snapshot, then takes the seats conditionally; a lost race picks again. */
const BEST_AVAILABLE_ATTEMPTS = 4;

export function bookingService(deps: {
  repo: BookingRepository;
  sessions: SessionsService;
  venues: VenuesService;
  events: SeatEvents;
}) {
  const { repo, events } = deps;
  const planOf = sessionPlanCache(async (layoutId) => {
    const layout = await deps.venues.findLayoutRow(layoutId);
    return layout ? (layout.plan as Plan) : null;
  });
  const encodedPlans = new Map<string, Promise<{ etag: string; json: string; gzip: Buffer }>>();
  const snapshots: ResponseCache = responseCache({ ttlMs: 1_000, maxEntries: 500 });

  // Session settings change rarely (admin edits); a second-old copy spares every hold a query.
  const sessionRows = new Map<
    string,
    { at: number; row: Promise<Awaited<ReturnType<SessionsService['findRow']>>> }
  >();
  function cachedSession(sessionId: string) {
    const hit = sessionRows.get(sessionId);
    if (hit && Date.now() - hit.at < 1_000) return hit.row;
    if (sessionRows.size > 1_000) sessionRows.clear();
    const row = deps.sessions.findRow(sessionId);
    sessionRows.set(sessionId, { at: Date.now(), row });
    row.catch(() => sessionRows.delete(sessionId));
    return row;
  }

  async function bookableSession(sessionId: string) {
    const session = await cachedSession(sessionId);
    if (!session || session.status !== 'published') throw new NotFound('Session');
    const now = new Date();
    if (now < session.salesOpenAt)
      throw new SalesClosed(`Sales open at ${session.salesOpenAt.toISOString()}; come back then.`);
    if (now >= session.salesCloseAt) throw new SalesClosed('Sales for this session have closed.');
    const plan = await planOf(session.layoutId);
    if (!plan) throw new NotFound('Session plan');
    return { session, plan };
  }

  function seatsOf(plan: SessionPlan, ids: string[]) {
    return ids.map((id) => {
      const loc = plan.index.get(id)!;
      return {
        id,
        label: loc.seat.label,
        row: loc.row.label,
        section: loc.section.label,
        sectionId: loc.section.id,
        category: loc.seat.category,
      };
    });
  }

  async function take(
    sessionId: string,
    userId: string,
    holdMinutes: number,
    seatIds: string[],
    gaItems: GaItem[],
  ) {
    let result: Awaited<ReturnType<BookingRepository['createHold']>>;
    try {
      result = await repo.createHold({ sessionId, userId, seatIds, gaItems, holdMinutes });
    } catch (err) {
      const reason =
        err instanceof RollbackWith
          ? (err.reason as { kind?: string; holdId?: string; orderId?: string })
          : null;
      if (reason?.kind === 'checkout') throw new CheckoutInProgress(reason.holdId!, reason.orderId!);
      if (reason?.kind === 'busy') throw new SeatsBusy();
      throw err;
    }
    events.publish(sessionId, {
      s: STATUS_CODE.available,
      ids: result.freed.filter((id) => !seatIds.includes(id)),
    });
    events.publish(sessionId, { s: STATUS_CODE.held, ids: seatIds });
    if (gaItems.length) events.publish(sessionId, { ga: {} });
    return result.hold;
  }

  function describe(hold: HoldRow, plan: SessionPlan) {
    const ga = (hold.gaItems as GaItem[]).map((g) => ({
      areaId: g.areaId,
      label: plan.gaAreas.get(g.areaId)?.label ?? g.areaId,
      category: plan.gaAreas.get(g.areaId)?.category ?? '',
      quantity: g.quantity,
    }));
    return {
      holdId: hold.id,
      sessionId: hold.sessionId,
      status: hold.status,
      expiresAt: hold.expiresAt.toISOString(),
      seats: seatsOf(plan, hold.seatIds),
      ga,
    };
  }

  /**
   * Every seat's status as one character in plan order ('0' free, '1' held, '2' sold, '3'
   * blocked): 82,000 seats are 82 kB before compression. GA areas as remaining counts.
   */
  async function loadAvailability(sessionId: string) {
    const session = await deps.sessions.findRow(sessionId);
    if (!session || session.status !== 'published') return null;
    const plan = (await planOf(session.layoutId))!;
    const codes = new Uint8Array(plan.seatOrder.length).fill(48);
    for (const row of await repo.seatStates(sessionId)) {
      const at = plan.seatPosition.get(row.seat_id);
      if (at === undefined) continue;
      const status = row.expired ? 'available' : row.status;
      codes[at] = STATUS_CODE[status as keyof typeof STATUS_CODE]?.charCodeAt(0) ?? 48;
    }
    const ga = Object.fromEntries((await repo.gaRemaining(sessionId)).map((g) => [g.area_id, g.remaining]));
    return { sessionId, at: new Date().toISOString(), seats: Buffer.from(codes).toString('latin1'), ga };
  }

  return {
    planOf,

    /** A session row at most a second old (rules and times; what orders need to price and show). */
    sessionRow: cachedSession,

    async createHold(sessionId: string, userId: string, request: HoldRequest) {
      const { session, plan } = await bookableSession(sessionId);
      const quantity = 'seatIds' in request ? request.seatIds.length : request.quantity;
      if (quantity > session.maxTicketsPerOrder) throw new TooManySeats(session.maxTicketsPerOrder);

      if ('seatIds' in request) {
        const ids = [...new Set(request.seatIds)];
        if (ids.length !== request.seatIds.length)
          throw new ValidationFailed('A seat is listed twice', [
            { path: 'seatIds', message: 'Duplicate seat' },
          ]);
        const unknown = ids.filter((id) => !plan.index.has(id));
        if (unknown.length) throw new UnknownSeats(unknown);
        try {
          return describe(await take(sessionId, userId, session.holdMinutes, ids, []), plan);
        } catch (err) {
          if (err instanceof RollbackWith)
            throw new SeatsUnavailable((err.reason as { seatIds: string[] }).seatIds ?? []);
          throw err;
        }
      }

      if ('gaAreaId' in request) {
        const area = plan.gaAreas.get(request.gaAreaId);
        if (!area)
          throw new ValidationFailed('Unknown area', [{ path: 'gaAreaId', message: 'No such area' }]);
        try {
          const items = [{ areaId: area.id, quantity: request.quantity }];
          return describe(await take(sessionId, userId, session.holdMinutes, [], items), plan);
        } catch (err) {
          if (err instanceof RollbackWith) throw new GaSoldOut(area.label, request.quantity);
          throw err;
        }
      }

      if (!plan.plan.categories.some((c) => c.key === request.category))
        throw new ValidationFailed('Unknown category', [
          { path: 'category', message: `No category ${request.category}` },
        ]);
      for (let attempt = 0; attempt < BEST_AVAILABLE_ATTEMPTS; attempt++) {
        const free = await repo.availableSeatsInCategory(sessionId, request.category);
        const picked = pickBestAvailable(plan.prepared, (id) => free.has(id), {
          category: request.category,
          quantity: request.quantity,
          ...(request.sectionId ? { sectionId: request.sectionId } : {}),
        });
        if (!picked) break;
        try {
          return describe(await take(sessionId, userId, session.holdMinutes, picked, []), plan);
        } catch (err) {
          if (!(err instanceof RollbackWith)) throw err;
          // Someone took one of the picked seats between the snapshot and the update: pick again.
        }
      }
      const label = plan.plan.categories.find((c) => c.key === request.category)?.label ?? request.category;
      throw new NotEnoughSeats(label, request.quantity);
    },

    async getHold(holdId: string, userId: string) {
      const hold = await repo.findHold(holdId);
      if (!hold || hold.userId !== userId) throw new NotFound('Hold');
      const session = await deps.sessions.findRow(hold.sessionId);
      const plan = await planOf(session!.layoutId);
      return describe(hold, plan!);
    },

    async releaseHold(holdId: string, userId: string) {
      const result = await repo.releaseHold(holdId, userId);
      if (!result) {
        const hold = await repo.findHold(holdId);
        if (!hold || hold.userId !== userId) throw new NotFound('Hold');
        return; // already ended: releasing again is a no-op
      }
      events.publish(result.hold.sessionId, { s: STATUS_CODE.available, ids: result.freed });
      if ((result.hold.gaItems as GaItem[]).length) events.publish(result.hold.sessionId, { ga: {} });
    },

    /** Ends expired holds; returns how many. Runs every few seconds in every process (SKIP LOCKED). */
    async sweepExpiredHolds(limit = 500) {
      const { count, freedBySession } = await repo.expireDueHolds(limit);
      for (const [sessionId, ids] of freedBySession)
        events.publish(sessionId, { s: STATUS_CODE.available, ids });
      return count;
    },

    /**
     * The plan as sent to browsers, serialized and gzipped once per layout version (the stadium's
     * 5.6 MB of JSON is ~0.5 MB gzipped, and building it per request cost ~100 ms).
     */
    async seatmapResponse(sessionId: string) {
      const map = await this.seatmap(sessionId);
      const { layoutId } = map;
      let entry = encodedPlans.get(layoutId);
      if (!entry) {
        if (encodedPlans.size >= 20) encodedPlans.delete(encodedPlans.keys().next().value!);
        const json = JSON.stringify(map);
        entry = Promise.resolve({ etag: `"layout-${layoutId}"`, json, gzip: gzipSync(json, { level: 6 }) });
        encodedPlans.set(layoutId, entry);
      }
      return entry;
    },

    /** The plan of a published session (immutable: cacheable for long). */
    async seatmap(sessionId: string) {
      const session = await deps.sessions.findRow(sessionId);
      if (!session || session.status !== 'published') throw new NotFound('Session');
      const plan = await planOf(session.layoutId);
      if (!plan) throw new NotFound('Session plan');
      return { layoutId: session.layoutId, plan: plan.plan };
    },

    /**
     * Every seat's status as one character in plan order ('0' free, '1' held, '2' sold, '3'
     * blocked): 82,000 seats are 82 kB before compression. GA areas as remaining counts.
     */
    loadAvailability,

    /** The same, cached for a second per process (for the many clients polling one session). */
    async availabilitySnapshot(sessionId: string) {
      const cached = await snapshots.get(sessionId, () => loadAvailability(sessionId));
      if (cached.body === 'null') throw new NotFound('Session');
      return cached;
    },

    dropSnapshot: () => snapshots.clear(),
  };
}

export type BookingService = ReturnType<typeof bookingService>;
