import type { CategoryAvailability, SessionSummary } from '@ticketing/contracts';
import type { Category } from '@ticketing/seatmap';
import type { CategoryCount, PriceRow, SessionRow } from '../sessions/repository.ts';
import type { VenueRow } from '../venues/repository.ts';

/** Where a session's sale stands right now, as a buyer sees it. */
export function salesState(
  session: Pick<SessionRow, 'salesOpenAt' | 'salesCloseAt'>,
  available: number,
  now = new Date(),
): SessionSummary['salesState'] {
  if (now < session.salesOpenAt) return 'not-yet';
  if (now >= session.salesCloseAt) return 'closed';
  if (available <= 0) return 'sold-out';
  return 'open';
}

/** Combines a session with its venue, layout categories, prices and live counts (pure). */
export function toSessionSummary(input: {
  session: SessionRow;
  venue: VenueRow;
  layout: { kind: 'procedural' | 'svg'; categories: unknown };
  prices: PriceRow[];
  counts: CategoryCount[];
}): SessionSummary {
  const { session, venue, layout } = input;
  const categories: CategoryAvailability[] = (layout.categories as Category[]).map((c) => {
    const price = input.prices.find((p) => p.sessionId === session.id && p.categoryKey === c.key);
    const count = input.counts.filter((n) => n.session_id === session.id && n.category === c.key);
    return {
      key: c.key,
      label: c.label,
      color: c.color,
      price: price ? { amountCents: price.amountCents, currency: price.currency } : null,
      capacity: count.reduce((n, x) => n + x.capacity, 0),
      available: count.reduce((n, x) => n + x.available, 0),
    };
  });
  const available = categories.reduce((n, c) => n + c.available, 0);
  return {
    id: session.id,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    salesOpenAt: session.salesOpenAt.toISOString(),
    salesCloseAt: session.salesCloseAt.toISOString(),
    salesState: salesState(session, available),
    queueMode: session.queueMode,
    venue: {
      id: venue.id,
      name: venue.name,
      city: venue.city,
      timezone: venue.timezone,
      address: venue.address,
    },
    layoutKind: layout.kind,
    maxTicketsPerOrder: session.maxTicketsPerOrder,
    capacity: categories.reduce((n, c) => n + c.capacity, 0),
    available,
    categories,
  };
}
