import type { SessionCreate } from '@ticketing/contracts';
import type { Plan } from '@ticketing/seatmap';
import { NotFound, ValidationFailed } from '../../lib/errors.ts';
import type { VenuesService } from '../venues/service.ts';
import { PricesMissing, SessionNotEditable, SessionTimesInvalid, UnknownCategory } from './errors.ts';
import type { PriceRow, SessionRow, SessionsRepository } from './repository.ts';
import { sessionTimeProblems } from './validate-times.ts';

export type SessionPatch = Partial<Omit<SessionCreate, 'venueId'>>;
type PriceInput = { categoryKey: string; amountCents: number; currency: string };

// Fields that may change after publishing; layout and venue are fixed by the inventory.
const EDITABLE_WHEN_PUBLISHED = new Set([
  'startsAt',
  'endsAt',
  'salesOpenAt',
  'salesCloseAt',
  'holdMinutes',
  'maxTicketsPerOrder',
  'cancelCutoffHours',
  'queueMode',
  'queueSettings',
]);

export function toAdminSession(row: SessionRow, prices: PriceRow[]) {
  return {
    id: row.id,
    eventId: row.eventId,
    venueId: row.venueId,
    layoutId: row.layoutId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    salesOpenAt: row.salesOpenAt.toISOString(),
    salesCloseAt: row.salesCloseAt.toISOString(),
    holdMinutes: row.holdMinutes,
    maxTicketsPerOrder: row.maxTicketsPerOrder,
    cancelCutoffHours: row.cancelCutoffHours,
    queueMode: row.queueMode,
    queueSettings: row.queueSettings as Record<string, unknown>,
    status: row.status,
    capacity: row.capacity,
    prices: prices
      .filter((p) => p.sessionId === row.id)
      .map((p) => ({ categoryKey: p.categoryKey, amountCents: p.amountCents, currency: p.currency })),
  };
}

export function sessionsService(deps: {
  repo: SessionsRepository;
  venues: VenuesService;
  eventExists: (eventId: string) => Promise<boolean>;
  onSessionsChanged: (eventId: string) => Promise<void>;
}) {
  const { repo, venues } = deps;

  async function load(id: string) {
    const row = await repo.findSession(id);
    if (!row) throw new NotFound('Session');
    return row;
  }

  async function layoutFor(venueId: string, layoutId: string) {
    const layout = await venues.findLayoutRow(layoutId);
    if (!layout)
      throw new ValidationFailed('Unknown layout', [{ path: 'layoutId', message: 'No such layout' }]);
    if (layout.venueId !== venueId)
      throw new ValidationFailed('The layout belongs to another venue', [
        { path: 'layoutId', message: 'This layout belongs to another venue' },
      ]);
    return layout;
  }

  function checkTimes(t: { startsAt: Date; endsAt: Date; salesOpenAt: Date; salesCloseAt: Date }) {
    const problems = sessionTimeProblems(t);
    if (problems.length) throw new SessionTimesInvalid(problems);
  }

  async function withPrices(row: SessionRow) {
    return toAdminSession(row, await repo.pricesOf([row.id]));
  }

  return {
    async create(eventId: string, input: SessionCreate) {
      if (!(await deps.eventExists(eventId))) throw new NotFound('Event');
      if (!(await venues.findVenueRow(input.venueId)))
        throw new ValidationFailed('Unknown venue', [{ path: 'venueId', message: 'No such venue' }]);
      const layout = await layoutFor(input.venueId, input.layoutId);
      if (layout.supersededAt)
        throw new ValidationFailed('This layout version was replaced; use the current one', [
          { path: 'layoutId', message: 'Superseded layout version' },
        ]);
      const times = {
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        salesOpenAt: new Date(input.salesOpenAt),
        salesCloseAt: new Date(input.salesCloseAt ?? input.startsAt),
      };
      checkTimes(times);
      const row = await repo.insertSession({
        eventId,
        venueId: input.venueId,
        layoutId: input.layoutId,
        // The layout's capacity until publishing counts the real inventory.
        capacity: layout.capacity,
        ...times,
        holdMinutes: input.holdMinutes,
        maxTicketsPerOrder: input.maxTicketsPerOrder,
        cancelCutoffHours: input.cancelCutoffHours,
        queueMode: input.queueMode,
        queueSettings: input.queueSettings,
      });
      return withPrices(row);
    },

    async update(id: string, patch: SessionPatch) {
      const current = await load(id);
      if (current.status === 'cancelled')
        throw new SessionNotEditable('A cancelled session cannot be edited.');
      if (current.status === 'published') {
        const fixed = Object.keys(patch).filter((k) => !EDITABLE_WHEN_PUBLISHED.has(k));
        if (fixed.length)
          throw new SessionNotEditable(
            `After publishing, ${fixed.join(', ')} cannot change: seats are already on sale.`,
          );
      }
      if (patch.layoutId) await layoutFor(current.venueId, patch.layoutId);
      const times = {
        startsAt: patch.startsAt ? new Date(patch.startsAt) : current.startsAt,
        endsAt: patch.endsAt ? new Date(patch.endsAt) : current.endsAt,
        salesOpenAt: patch.salesOpenAt ? new Date(patch.salesOpenAt) : current.salesOpenAt,
        salesCloseAt: patch.salesCloseAt ? new Date(patch.salesCloseAt) : current.salesCloseAt,
      };
      checkTimes(times);
      const row = await repo.updateSession(id, {
        ...times,
        ...(patch.layoutId ? { layoutId: patch.layoutId } : {}),
        ...(patch.holdMinutes !== undefined ? { holdMinutes: patch.holdMinutes } : {}),
        ...(patch.maxTicketsPerOrder !== undefined ? { maxTicketsPerOrder: patch.maxTicketsPerOrder } : {}),
        ...(patch.cancelCutoffHours !== undefined ? { cancelCutoffHours: patch.cancelCutoffHours } : {}),
        ...(patch.queueMode !== undefined ? { queueMode: patch.queueMode } : {}),
        ...(patch.queueSettings !== undefined
          ? { queueSettings: { ...(current.queueSettings as object), ...patch.queueSettings } }
          : {}),
      });
      if (row!.status === 'published') await deps.onSessionsChanged(row!.eventId);
      return withPrices(row!);
    },

    async get(id: string) {
      return withPrices(await load(id));
    },

    async listForEvent(eventId: string) {
      const rows = await repo.listSessionsOfEvent(eventId);
      const prices = await repo.pricesOf(rows.map((r) => r.id));
      return rows.map((r) => toAdminSession(r, prices));
    },

    async setPrices(id: string, list: PriceInput[]) {
      const session = await load(id);
      const layout = (await venues.findLayoutRow(session.layoutId))!;
      const known = (layout.categories as Plan['categories']).map((c) => c.key);
      const unknown = list.map((p) => p.categoryKey).filter((k) => !known.includes(k));
      if (unknown.length) throw new UnknownCategory(unknown, known);
      const keys = list.map((p) => p.categoryKey);
      const dup = keys.find((k, i) => keys.indexOf(k) !== i);
      if (dup)
        throw new ValidationFailed(`Category '${dup}' is priced twice`, [
          { path: 'prices', message: `Duplicate ${dup}` },
        ]);
      if (new Set(list.map((p) => p.currency)).size > 1)
        throw new ValidationFailed('All prices of a session use one currency', [
          { path: 'prices', message: 'Mixed currencies' },
        ]);
      if (session.status === 'published') {
        const missing = known.filter((k) => !keys.includes(k));
        if (missing.length) throw new PricesMissing(missing);
      }
      await repo.replacePrices(id, list);
      if (session.status === 'published') await deps.onSessionsChanged(session.eventId);
      return withPrices(session);
    },

    /** Checks every category has a price, then creates the seat inventory; publishing twice is a no-op. */
    async publish(id: string) {
      const session = await load(id);
      if (session.status === 'published') return withPrices(session);
      if (session.status === 'cancelled')
        throw new SessionNotEditable('A cancelled session cannot be published.');
      const layout = (await venues.findLayoutRow(session.layoutId))!;
      const plan = layout.plan as Plan;
      const priced = new Set((await repo.pricesOf([id])).map((p) => p.categoryKey));
      const missing = plan.categories.map((c) => c.key).filter((k) => !priced.has(k));
      if (missing.length) throw new PricesMissing(missing);
      const seats = plan.sections.flatMap((section) =>
        section.rows.flatMap((row) =>
          row.seats.map((seat) => ({ seatId: seat.id, category: seat.category, sectionId: section.id })),
        ),
      );
      const gaAreas = plan.gaAreas.map((a) => ({ areaId: a.id, category: a.category, capacity: a.capacity }));
      const row = (await repo.publishWithInventory(id, { seats, gaAreas })) ?? (await load(id));
      await deps.onSessionsChanged(row.eventId);
      return withPrices(row);
    },

    async cancel(id: string) {
      const session = await load(id);
      const row = await repo.setStatus(id, 'cancelled');
      await deps.onSessionsChanged(session.eventId);
      return withPrices(row!);
    },

    categoryCounts: (ids: string[]) => repo.categoryCounts(ids),
    pricesOf: (ids: string[]) => repo.pricesOf(ids),
    listPublishedOfEvent: (eventId: string) => repo.listPublishedSessionsOfEvent(eventId),
    findRow: (id: string) => repo.findSession(id),
  };
}

export type SessionsService = ReturnType<typeof sessionsService>;
