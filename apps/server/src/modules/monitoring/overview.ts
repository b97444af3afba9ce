import type {
  MonitoredEvent,
  MonitoredSession,
  MonitoringOverview,
  SessionMonitorStatus,
} from '@ticketing/contracts';
import type { EventSessionRow } from './repository.ts';
import { sessionMonitorStatus } from './session-status.ts';

/**
 * The events-and-sessions board from the repository's rows: per-session status and figures, and
 * platform totals. Pure: the clock is a parameter.
 */

type Money = { currency: string; amountCents: number };
type Figures = {
  sold: { session_id: string; n: number }[];
  held: { session_id: string; n: number }[];
  paid: { session_id: string; currency: string; n: number; cents: number }[];
};

const STATUSES: SessionMonitorStatus[] = [
  'draft',
  'scheduled',
  'on_sale',
  'sold_out',
  'sales_closed',
  'past',
  'cancelled',
];

function addMoney(into: Money[], currency: string, cents: number) {
  const found = into.find((m) => m.currency === currency);
  if (found) found.amountCents += cents;
  else into.push({ currency, amountCents: cents });
}

export function buildOverview(input: {
  rows: EventSessionRow[];
  figures: Figures;
  totalEvents: number;
  limit: number;
  business: {
    holdsActive: number;
    ordersByStatus: Record<string, number>;
    ticketsByStatus: Record<string, number>;
  };
  jobs: MonitoringOverview['jobs'];
  now: number;
}): MonitoringOverview {
  const sold = new Map(input.figures.sold.map((r) => [r.session_id, r.n]));
  const held = new Map(input.figures.held.map((r) => [r.session_id, r.n]));
  const paid = new Map<string, { n: number; revenue: Money[] }>();
  for (const r of input.figures.paid) {
    const entry = paid.get(r.session_id) ?? { n: 0, revenue: [] };
    entry.n += r.n;
    addMoney(entry.revenue, r.currency, Math.round(r.cents));
    paid.set(r.session_id, entry);
  }

  const events = new Map<string, MonitoredEvent>();
  const sessionsByStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<
    SessionMonitorStatus,
    number
  >;
  const totals = { capacity: 0, sold: 0, held: 0, revenue: [] as Money[] };

  for (const row of input.rows) {
    let event = events.get(row.event_id);
    if (!event) {
      event = { id: row.event_id, title: row.title, status: row.event_status, sessions: [] };
      events.set(row.event_id, event);
    }
    if (!row.session_id || row.session_status === null) continue;
    const figures = {
      capacity: row.capacity ?? 0,
      sold: sold.get(row.session_id) ?? 0,
      held: held.get(row.session_id) ?? 0,
    };
    const status = sessionMonitorStatus(
      {
        eventStatus: row.event_status,
        sessionStatus: row.session_status,
        salesOpenAt: row.sales_open_at ?? 0,
        salesCloseAt: row.sales_close_at ?? 0,
        endsAt: row.ends_at ?? 0,
        ...figures,
      },
      input.now,
    );
    const money = paid.get(row.session_id);
    const session: MonitoredSession = {
      id: row.session_id,
      startsAt: new Date(row.starts_at ?? 0).toISOString(),
      salesOpenAt: new Date(row.sales_open_at ?? 0).toISOString(),
      salesCloseAt: new Date(row.sales_close_at ?? 0).toISOString(),
      venueName: row.venue_name ?? '',
      status,
      ...figures,
      paidOrders: money?.n ?? 0,
      revenue: money?.revenue ?? [],
    };
    event.sessions.push(session);
    sessionsByStatus[status]++;
    totals.capacity += figures.capacity;
    totals.sold += figures.sold;
    totals.held += figures.held;
    for (const m of session.revenue) addMoney(totals.revenue, m.currency, m.amountCents);
  }

  return {
    generatedAt: new Date(input.now).toISOString(),
    events: [...events.values()],
    truncated: input.totalEvents > input.limit,
    sessionsByStatus,
    totals: {
      ...totals,
      holdsActive: input.business.holdsActive,
      ordersByStatus: input.business.ordersByStatus,
      ticketsByStatus: input.business.ticketsByStatus,
    },
    jobs: input.jobs,
  };
}
