import type { AdminSession, AdminVenue } from '@ticketing/contracts';
import { Link } from 'react-router';
import { formatMoney } from '../../ui/format.ts';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { formatInZone } from '../shared/zonedTime.ts';

/** An event's sessions, each at its venue's local time. */
export function EventSessionsList({
  eventId,
  sessions,
  venues,
}: {
  eventId: string;
  sessions: AdminSession[];
  venues: AdminVenue[] | undefined;
}) {
  return (
    <div className="admin-table-wrap">
      <table className="admin-table">
        <caption className="visually-hidden">Sessions of this event</caption>
        <thead>
          <tr>
            <th scope="col">Starts (venue time)</th>
            <th scope="col" className="wide-only">
              Venue
            </th>
            <th scope="col" className="wide-only">
              Status
            </th>
            <th scope="col" className="num">
              Places
            </th>
            <th scope="col" className="wide-only">
              Prices
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => {
            const venue = venues?.find((v) => v.id === s.venueId);
            const layout = venue?.layouts.find((l) => l.id === s.layoutId);
            const tz = venue?.timezone ?? 'UTC';
            // A draft has no seat inventory yet (capacity 0): show what its layout will sell.
            const places = s.status === 'draft' ? (layout?.capacity ?? s.capacity) : s.capacity;
            const cheapest = [...s.prices].sort((a, b) => a.amountCents - b.amountCents)[0];
            return (
              <tr key={s.id}>
                <td className="primary-cell">
                  <Link to={`/admin/events/${eventId}/sessions/${s.id}`}>{formatInZone(s.startsAt, tz)}</Link>
                  <span className="muted">{venue ? `${venue.name}, ${venue.city}` : 'Venue'}</span>
                  <span className="narrow-only">
                    <StatusBadge status={s.status} />
                  </span>
                </td>
                <td className="wide-only">
                  {layout ? layout.name : 'Earlier layout version'}
                  <span className="muted cell-note">{tz}</span>
                </td>
                <td className="wide-only">
                  <StatusBadge status={s.status} />
                </td>
                <td className="num">{places.toLocaleString()}</td>
                <td className="wide-only">
                  {cheapest ? (
                    `From ${formatMoney(cheapest)} · ${s.prices.length} ${s.prices.length === 1 ? 'category' : 'categories'}`
                  ) : (
                    <span className="badge badge-warning">No prices yet</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
