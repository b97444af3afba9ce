import type { AdminEvent, EventType } from '@ticketing/contracts';
import { Link } from 'react-router';
import { formatDateTime } from '../../ui/format.ts';
import { StatusBadge } from '../shared/StatusBadge.tsx';

/** Events as a table: title and tags, type, status, sessions, last change. */
export function EventsTable({
  events,
  types,
  caption,
  linkSuffix = '',
}: {
  events: AdminEvent[];
  types: EventType[] | undefined;
  caption: string;
  /** Appended to each event link, e.g. '#sessions' to land on its sessions. */
  linkSuffix?: string;
}) {
  const typeLabel = (key: string) => types?.find((t) => t.key === key)?.label ?? key;
  return (
    <div className="admin-table-wrap">
      <table className="admin-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col" className="wide-only">
              Type
            </th>
            <th scope="col" className="wide-only">
              Status
            </th>
            <th scope="col" className="num">
              Sessions
            </th>
            <th scope="col" className="wide-only">
              Updated
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td className="primary-cell">
                <Link to={`/admin/events/${e.id}${linkSuffix}`}>{e.title}</Link>
                {e.tags.length > 0 ? <span className="muted">{e.tags.join(' · ')}</span> : null}
                <span className="narrow-only">
                  <StatusBadge status={e.status} />
                </span>
              </td>
              <td className="wide-only">{typeLabel(e.typeKey)}</td>
              <td className="wide-only">
                <StatusBadge status={e.status} />
              </td>
              <td className="num">{e.sessionCount}</td>
              <td className="wide-only">
                <time dateTime={e.updatedAt}>{formatDateTime(e.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
