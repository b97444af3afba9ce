import { Link, useParams } from 'react-router';
import { useUpdateVenue } from '../../api/admin/useUpdateVenue.ts';
import { useVenue } from '../../api/admin/useVenue.ts';
import { describeError, isApiError } from '../../api/client.ts';
import { EmptyState, ErrorAlert, PageLoading } from '../../ui/Feedback.tsx';
import { SeatsIcon } from '../../ui/icons.tsx';
import { Notice } from '../shared/Notice.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { LayoutList } from './LayoutList.tsx';
import { VenueForm } from './VenueForm.tsx';
import './venues.css';

export function VenuePage() {
  const { venueId = '' } = useParams();
  const venue = useVenue(venueId);
  const update = useUpdateVenue(venueId);
  if (venue.isPending) return <PageLoading label="Loading the venue…" />;
  if (venue.isError) {
    return (
      <ErrorAlert>
        {isApiError(venue.error, 404) ? 'This venue does not exist.' : describeError(venue.error)}{' '}
        <Link to="/admin/venues">Back to venues</Link>
      </ErrorAlert>
    );
  }
  const v = venue.data;
  return (
    <>
      <title>{`${v.name} · Venues · Admin · Ticketing`}</title>
      <PageHeader
        eyebrow="Venue"
        title={v.name}
        back={{ to: '/admin/venues', label: 'All venues' }}
        lead={`${v.address}, ${[v.city, v.country].filter(Boolean).join(', ')}`}
      />
      <Notice />
      <section className="admin-section" aria-labelledby="layouts-title">
        <div className="admin-section-head">
          <h2 id="layouts-title">Layouts</h2>
          <div className="form-actions">
            <Link to={`/admin/venues/${v.id}/layouts/new?kind=procedural`} className="btn btn-primary btn-sm">
              Add rows-and-seats layout
            </Link>
            <Link to={`/admin/venues/${v.id}/layouts/new?kind=svg`} className="btn btn-sm">
              Upload SVG layout
            </Link>
          </div>
        </div>
        {v.layouts.length > 0 ? (
          <LayoutList venue={v} />
        ) : (
          <EmptyState icon={<SeatsIcon />} title="No layout yet">
            Describe a cinema or hall by rows and seats, or upload an SVG drawing of a stadium or theatre.
          </EmptyState>
        )}
      </section>
      <section className="card admin-section" aria-labelledby="venue-details-title">
        <div className="card-title">
          <h2 id="venue-details-title">Details</h2>
          <span className="muted" aria-live="polite">
            {update.isSuccess ? 'Saved' : ''}
          </span>
        </div>
        <VenueForm
          key={v.id}
          venue={v}
          submitLabel="Save changes"
          busy={update.isPending}
          onSubmit={(body, onError) => update.mutate(body, { onError })}
        />
      </section>
    </>
  );
}
