import type { AdminVenue } from '@ticketing/contracts';
import { Link } from 'react-router';

const kindLabel = { procedural: 'Rows & seats', svg: 'SVG drawing' };

/** A venue's current layouts (the latest version of each), linking to their plan. */
export function LayoutList({ venue }: { venue: AdminVenue }) {
  return (
    <ul className="layout-list">
      {venue.layouts.map((l) => (
        <li key={l.id}>
          <Link to={`/admin/venues/${venue.id}/layouts/${l.id}`} className="layout-link">
            <span className="layout-name">{l.name}</span>
            <span className="layout-meta">
              <span className="badge">{kindLabel[l.kind]}</span>
              <span className="badge">v{l.version}</span>
              <span>{l.capacity.toLocaleString()} places</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
