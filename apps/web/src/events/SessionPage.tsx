import type { SessionDetail } from '@ticketing/contracts';
import type { CSSProperties } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, isApiError } from '../api/client.ts';
import { useEventTypes } from '../api/useEventTypes.ts';
import { useSession } from '../api/useSession.ts';
import { ErrorAlert, PageLoading } from '../ui/Feedback.tsx';
import { ArrowRightIcon, ClockIcon, PinIcon, SeatsIcon } from '../ui/icons.tsx';
import { badgeClass, salesLabel, seatsLeft } from './availability.ts';
import { AvailabilityBar, CategoryPrices } from './CategoryPrices.tsx';
import { EventUnavailable } from './EventUnavailable.tsx';
import { iconForType, tintForType } from './eventTypes.tsx';
import { formatDay, formatDayTime, formatTime, timeForViewer } from './venueTime.ts';
import './event.css';
import './session.css';

/**
 * One session: when, where, prices and what is left. The seat map replaces the placeholder panel
 * with the booking issue.
 */
export function SessionPage() {
  const { id = '' } = useParams();
  const session = useSession(id);

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

      <div className="session-layout">
        <section className="seat-panel" aria-labelledby="seat-panel-title">
          <div className="seat-panel-icon">
            <SeatsIcon size={28} />
          </div>
          <h2 id="seat-panel-title">Seat selection opens here</h2>
          <p className="muted">
            {session.layoutKind === 'svg'
              ? `Pick your block and seats on the live map of ${venue.name}, or let us find the best seats together.`
              : `Pick your seats on the live seating plan of ${venue.name}, or let us find the best seats together.`}{' '}
            Seats stay held for you while you pay.
          </p>
          <span className={badgeClass(sales.tone)}>{sales.label}</span>
          <Link className="btn" to={`/events/${event.id}`}>
            All dates <ArrowRightIcon size={16} />
          </Link>
        </section>

        <aside className="card session-prices" aria-labelledby="prices-title">
          <h2 id="prices-title">Prices and availability</h2>
          <CategoryPrices categories={session.categories} detailed />
          <div className="session-total">
            <AvailabilityBar available={session.available} capacity={session.capacity} />
            <span>{seatsLeft(session)} in total</span>
          </div>
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
        </aside>
      </div>
    </div>
  );
}
