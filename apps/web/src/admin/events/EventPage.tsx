import { Link, useParams } from 'react-router';
import { useAdminEvent } from '../../api/admin/useAdminEvent.ts';
import { useEventSessions } from '../../api/admin/useEventSessions.ts';
import { useEventTypes } from '../../api/admin/useEventTypes.ts';
import { useUpdateEvent } from '../../api/admin/useUpdateEvent.ts';
import { useVenues } from '../../api/admin/useVenues.ts';
import { describeError, isApiError } from '../../api/client.ts';
import { EmptyState, ErrorAlert, PageLoading } from '../../ui/Feedback.tsx';
import { CalendarIcon } from '../../ui/icons.tsx';
import { Notice } from '../shared/Notice.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { EventForm } from './EventForm.tsx';
import { EventSessionsList } from './EventSessionsList.tsx';
import { EventStatusActions } from './EventStatusActions.tsx';
import './events.css';

export function EventPage() {
  const { eventId = '' } = useParams();
  const event = useAdminEvent(eventId);
  const sessions = useEventSessions(eventId);
  const venues = useVenues();
  const types = useEventTypes();
  const update = useUpdateEvent(eventId);

  if (event.isPending) return <PageLoading label="Loading the event…" />;
  if (event.isError) {
    return (
      <ErrorAlert>
        {isApiError(event.error, 404) ? 'This event does not exist.' : describeError(event.error)}{' '}
        <Link to="/admin/events">Back to events</Link>
      </ErrorAlert>
    );
  }
  const e = event.data;
  const type = types.data?.find((t) => t.key === e.typeKey);
  const closed = e.status === 'cancelled' || e.status === 'ended';

  return (
    <>
      <title>{`${e.title} · Events · Admin · Ticketing`}</title>
      <PageHeader
        eyebrow="Event"
        title={e.title}
        back={{ to: '/admin/events', label: 'All events' }}
        badges={
          <>
            <StatusBadge status={e.status} />
            <span className="badge badge-accent">{type?.label ?? e.typeKey}</span>
          </>
        }
        actions={
          <>
            {e.status === 'published' ? (
              <Link to={`/events/${e.id}`} className="btn btn-ghost">
                View public page
              </Link>
            ) : null}
            <EventStatusActions event={e} />
          </>
        }
      />
      <Notice />
      {e.status === 'draft' ? (
        <p className="alert alert-info admin-notice">
          Draft: only admins see it. Add sessions with prices, publish them, then publish the event.
        </p>
      ) : closed ? (
        <p className="alert alert-info admin-notice">
          This event is {e.status}: it no longer appears on the browse pages and cannot be booked.
        </p>
      ) : null}

      <section className="admin-section" id="sessions" aria-labelledby="sessions-title">
        <div className="admin-section-head">
          <h2 id="sessions-title">Sessions</h2>
          {closed ? null : (
            <Link to={`/admin/events/${e.id}/sessions/new`} className="btn btn-primary btn-sm">
              Add session
            </Link>
          )}
        </div>
        {sessions.isPending ? (
          <PageLoading label="Loading sessions…" />
        ) : sessions.isError ? (
          <ErrorAlert>{describeError(sessions.error)}</ErrorAlert>
        ) : sessions.data.length === 0 ? (
          <EmptyState icon={<CalendarIcon />} title="No sessions yet">
            A session is one showtime: a venue and layout, a start time, sales dates and prices.
          </EmptyState>
        ) : (
          <EventSessionsList eventId={e.id} sessions={sessions.data} venues={venues.data} />
        )}
      </section>

      <section className="card admin-section" aria-labelledby="details-title">
        <div className="card-title">
          <h2 id="details-title">Details</h2>
          <span className="muted" aria-live="polite">
            {update.isSuccess ? 'Saved' : ''}
          </span>
        </div>
        <EventForm
          key={e.id}
          event={e}
          submitLabel="Save changes"
          busy={update.isPending}
          onSubmit={(body, onError) => update.mutate(body, { onError })}
        />
        {e.status === 'published' ? (
          <p className="muted admin-footnote">Changes show on the public pages as soon as you save.</p>
        ) : null}
      </section>
    </>
  );
}
