import { Link } from 'react-router';
import { useVenues } from '../../api/admin/useVenues.ts';
import { describeError } from '../../api/client.ts';
import { EmptyState, ErrorAlert, PageLoading } from '../../ui/Feedback.tsx';
import { PinIcon, SeatsIcon } from '../../ui/icons.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { LayoutList } from './LayoutList.tsx';
import './venues.css';

export function VenuesListPage() {
  const venues = useVenues();
  return (
    <>
      <title>Venues & layouts · Admin · Ticketing</title>
      <PageHeader
        eyebrow="Admin"
        title="Venues & layouts"
        lead="Each venue has one or more seat layouts; sessions sell from the current version of one."
        actions={
          <Link to="/admin/venues/new" className="btn btn-primary">
            New venue
          </Link>
        }
      />
      {venues.isPending ? (
        <PageLoading label="Loading venues…" />
      ) : venues.isError ? (
        <ErrorAlert>{describeError(venues.error)}</ErrorAlert>
      ) : venues.data.length === 0 ? (
        <EmptyState
          icon={<SeatsIcon />}
          title="No venues yet"
          action={
            <Link to="/admin/venues/new" className="btn btn-primary">
              Create a venue
            </Link>
          }
        />
      ) : (
        <ul className="venue-grid">
          {venues.data.map((v) => (
            <li key={v.id} className="venue-card">
              <div className="venue-card-head">
                <h2>
                  <Link to={`/admin/venues/${v.id}`}>{v.name}</Link>
                </h2>
                <p className="muted venue-place">
                  <PinIcon size={16} />
                  {[v.city, v.country].filter(Boolean).join(', ')} · {v.timezone}
                </p>
              </div>
              {v.layouts.length > 0 ? <LayoutList venue={v} /> : <p className="muted">No layout yet.</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
