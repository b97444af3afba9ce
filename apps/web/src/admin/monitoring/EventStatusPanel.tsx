import type { MonitoringOverview, SessionMonitorStatus } from '@ticketing/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format.ts';
import { integer, moneyList, percent, STATUS_LABELS } from './format.ts';
import { SessionStatusBadge } from './SessionStatusBadge.tsx';

const ORDER: SessionMonitorStatus[] = [
  'on_sale',
  'scheduled',
  'sold_out',
  'sales_closed',
  'draft',
  'past',
  'cancelled',
];
/** What the board shows first: sessions that are selling or about to. */
const CURRENT = new Set<SessionMonitorStatus>(['on_sale', 'sold_out', 'scheduled']);
const FIRST_ROWS = 12;
type Filter = SessionMonitorStatus | 'current' | 'all';

/** Platform totals, sessions per status, and every listed event's sessions with their figures. */
export function EventStatusPanel({ overview }: { overview: MonitoringOverview }) {
  const { totals } = overview;
  const paid = totals.ordersByStatus.paid ?? 0;
  const [filter, setFilter] = useState<Filter>('current');
  const [expanded, setExpanded] = useState(false);
  const rows = overview.events.flatMap((event) =>
    event.sessions
      .filter((s) => filter === 'all' || (filter === 'current' ? CURRENT.has(s.status) : s.status === filter))
      .map((session) => ({ event, session })),
  );
  const shown = expanded ? rows : rows.slice(0, FIRST_ROWS);
  const pick = (next: Filter) => {
    setFilter(filter === next ? 'current' : next);
    setExpanded(false);
  };
  return (
    <section className="mon-panel" aria-labelledby="mon-events">
      <div className="mon-panel-head">
        <h2 id="mon-events">Events and sessions</h2>
      </div>
      <dl className="mon-kpis">
        <Kpi
          label="Seats sold"
          value={integer(totals.sold)}
          note={`${percent(totals.sold, totals.capacity)} of ${integer(totals.capacity)}`}
        />
        <Kpi
          label="Seats held now"
          value={integer(totals.held)}
          note={`${integer(totals.holdsActive)} live holds`}
        />
        <Kpi
          label="Paid orders"
          value={integer(paid)}
          note={`${integer(totals.ordersByStatus.pending ?? 0)} pending`}
        />
        <Kpi label="Revenue" value={moneyList(totals.revenue)} note="paid orders, listed events" />
      </dl>
      <fieldset className="mon-status-counts">
        <legend className="visually-hidden">Show sessions by status</legend>
        <button type="button" aria-pressed={filter === 'current'} onClick={() => pick('current')}>
          Selling now and soon
        </button>
        {ORDER.map((s) => (
          <button
            key={s}
            type="button"
            data-status={s}
            aria-pressed={filter === s}
            disabled={overview.sessionsByStatus[s] === 0}
            onClick={() => pick(s)}
          >
            <span className="mon-status-count">{integer(overview.sessionsByStatus[s])}</span>{' '}
            {STATUS_LABELS[s]}
          </button>
        ))}
        <button type="button" aria-pressed={filter === 'all'} onClick={() => pick('all')}>
          All
        </button>
      </fieldset>
      <div className="admin-table-wrap">
        <table className="admin-table mon-table">
          <caption className="visually-hidden">Sessions with their status, seats and revenue</caption>
          <thead>
            <tr>
              <th scope="col">Event · session</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Sold / capacity
              </th>
              <th scope="col" className="num">
                Held
              </th>
              <th scope="col" className="wide-only">
                Fill
              </th>
              <th scope="col" className="num">
                Revenue
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ event, session: s }) => (
              <tr key={s.id}>
                <td className="primary-cell">
                  <Link to={`/admin/events/${event.id}/sessions/${s.id}`}>{event.title}</Link>
                  <span className="muted">
                    {formatDateTime(s.startsAt)} · {s.venueName}
                  </span>
                </td>
                <td>
                  <SessionStatusBadge status={s.status} />
                </td>
                <td className="num">
                  {integer(s.sold)} <span className="muted">/ {integer(s.capacity)}</span>
                </td>
                <td className="num">{integer(s.held)}</td>
                <td className="wide-only">
                  <FillBar sold={s.sold} held={s.held} capacity={s.capacity} />
                </td>
                <td className="num">{moneyList(s.revenue)}</td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted">
                  No sessions with this status.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {rows.length > FIRST_ROWS ? (
        <button
          type="button"
          className="btn btn-ghost btn-sm mon-more"
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show fewer' : `Show all ${integer(rows.length)} sessions`}
        </button>
      ) : null}
      {overview.truncated ? (
        <p className="muted mon-note">
          Showing the {overview.events.length} most relevant events (upcoming first).
        </p>
      ) : null}
    </section>
  );
}

function Kpi({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="mon-kpi">
      <dt>{label}</dt>
      <dd>
        <span className="mon-kpi-value">{value}</span>
        <span className="mon-kpi-note">{note}</span>
      </dd>
    </div>
  );
}

function FillBar({ sold, held, capacity }: { sold: number; held: number; capacity: number }) {
  const pct = (n: number) => (capacity > 0 ? Math.min(100, (n / capacity) * 100) : 0);
  return (
    <span className="mon-fill" title={`${percent(sold, capacity)} sold, ${percent(held, capacity)} held`}>
      <span className="mon-fill-sold" style={{ width: `${pct(sold)}%` }} />
      <span className="mon-fill-held" style={{ width: `${pct(held)}%` }} />
    </span>
  );
}
