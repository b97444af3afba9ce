import type { SessionDetail } from '@ticketing/contracts';
import type { CSSProperties } from 'react';
import { Link, useParams } from 'react-router';
import { useSeatmap } from '../api/booking/useSeatmap.ts';
import { describeError, isApiError } from '../api/client.ts';
import { useEventTypes } from '../api/useEventTypes.ts';
import { useSession } from '../api/useSession.ts';
import { SeatSelection } from '../booking/SeatSelection.tsx';
import { ErrorAlert, PageLoading } from '../ui/Feedback.tsx';
import { ClockIcon, PinIcon } from '../ui/icons.tsx';
import { badgeClass, salesLabel } from './availability.ts';
import { EventUnavailable } from './EventUnavailable.tsx';
import { iconForType, tintForType } from './eventTypes.tsx';
import { formatDay, formatDayTime, formatTime, timeForViewer } from './venueTime.ts';
import './event.css';
import './session.css';

/** One session: when, where, prices and what is left, and the live seat map to book on. */
export function SessionPage() {
  const { id = '' } = useParams();
  const session = useSession(id);
  // Start the plan download now, beside the session's, rather than after it (same query below).
  useSeatmap(id);

  if (session.isError && (isApiError(session.error, 404) || isApiError(session.error, 400))) {
    return <EventUnavailable what="session" />;
  }
  if (session.isError) {
    return (
      <div className="container page">
        <ErrorAlert>{describeError(session.error)}</ErrorAlert>
      </div>
    );
  }
  if (session.isPending) return <PageLoading label="Loading the session…" />;
  return <SessionView session={session.data} />;
}

function SessionView({ session }: { session: SessionDetail }) {
  const { venue, event } = session;
  const types = useEventTypes();
  const typeLabel = types.data?.find((t) => t.key === event.typeKey)?.label;
  const TypeIcon = iconForType(event.typeKey);
  const sales = salesLabel(session);
  const yours = timeForViewer(session.startsAt, venue.timezone);
  const tz = venue.timezone;

  return (
    <div className="container page session-page">
      <title>{`${event.title}, ${formatDayTime(session.startsAt, tz)} · Ticketing`}</title>
      <nav aria-label="Breadcrumb" className="breadcrumb breadcrumb-light">
        <Link to="/events">Events</Link>
        <span aria-hidden="true">/</span>
        <Link to={`/events/${event.id}`}>{event.title}</Link>
      </nav>

      <header className="session-header">
        <div
          className="session-header-media"
          style={{ '--tint': tintForType(event.typeKey) } as CSSProperties}
          aria-hidden="true"
        >
          {event.imageUrl ? <img src={event.imageUrl} alt="" /> : <TypeIcon size={36} />}
        </div>
        <div className="session-header-copy">
          {typeLabel ? <p className="eyebrow">{typeLabel}</p> : null}
          <h1>{event.title}</h1>
          <p>
            <span className={badgeClass(sales.tone)}>{sales.label}</span>
          </p>
          <p className="session-header-when">
            <ClockIcon size={18} />
            <span className="session-header-when-text">
              {formatDay(session.startsAt, tz)}, {formatTime(session.startsAt, tz)}–
              {formatTime(session.endsAt, tz)} <span className="muted">({venue.city} time)</span>
              {yours ? <span className="muted"> · {yours} your time</span> : null}
            </span>
          </p>
          <p className="session-header-where">
            <PinIcon size={18} />
            <span>
              <strong>{venue.name}</strong>, {venue.address}, {venue.city}
            </span>
          </p>
        </div>
      </header>

      <SeatSelection
        session={session}
        aside={
          <section className="card session-prices" aria-labelledby="prices-title">
            {/* Prices and what is left per category are in the map's legend, live. */}
            <h2 id="prices-title">About this date</h2>
            <dl className="details">
              <div>
                <dt>Sales</dt>
                <dd>
                  {session.salesState === 'not-yet'
                    ? `Open ${formatDayTime(session.salesOpenAt, tz)}`
                    : session.salesState === 'closed'
                      ? 'Closed'
                      : `Until ${formatDayTime(session.salesCloseAt, tz)}`}
                </dd>
              </div>
              <div>
                <dt>Per order</dt>
                <dd>Up to {session.maxTicketsPerOrder} tickets</dd>
              </div>
              {session.queueMode !== 'off' ? (
                <div>
                  <dt>Waiting room</dt>
                  <dd>
                    {session.queueMode === 'scheduled'
                      ? 'Everyone queues fairly when sales open'
                      : 'Opens automatically when demand is high'}
                  </dd>
                </div>
              ) : null}
            </dl>
          </section>
        }
      />
    </div>
  );
}
