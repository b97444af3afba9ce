import type { EventDetail } from '@ticketing/contracts';
import type { CSSProperties } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { describeError, isApiError } from '../api/client.ts';
import { useEvent } from '../api/useEvent.ts';
import { ErrorAlert } from '../ui/Feedback.tsx';
import { formatMoney } from '../ui/format.ts';
import { CalendarIcon, PinIcon, TicketIcon } from '../ui/icons.tsx';
import { EventUnavailable } from './EventUnavailable.tsx';
import { iconForType, tintForType } from './eventTypes.tsx';
import { SessionCard } from './SessionCard.tsx';
import { formatDayTime, groupByVenueDay } from './venueTime.ts';
import './event.css';

export function EventPage() {
  const { id = '' } = useParams();
  const event = useEvent(id);

  // A malformed id is a 400 from the API; to the visitor it is the same missing page.
  if (event.isError && (isApiError(event.error, 404) || isApiError(event.error, 400))) {
    return <EventUnavailable what="event" />;
  }
  if (event.isError) {
    return (
      <div className="container page">
        <ErrorAlert>{describeError(event.error)}</ErrorAlert>
      </div>
    );
  }
  if (event.isPending) return <EventPageSkeleton />;
  return <EventView event={event.data} />;
}

const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

function EventView({ event }: { event: EventDetail }) {
  const TypeIcon = iconForType(event.type.key);
  const first = event.sessions[0];
  const last = event.sessions.at(-1);
  // One date reads best in full, at the venue; several as the span they cover.
  const span = !first
    ? 'No dates on sale'
    : event.sessions.length === 1
      ? `${formatDayTime(first.startsAt, first.venue.timezone)} (${first.venue.city} time)`
      : dayMonth.formatRange(new Date(first.startsAt), new Date(last!.startsAt));

  return (
    <article>
      <title>{`${event.title} · Ticketing`}</title>
      <header className="event-hero" style={{ '--tint': tintForType(event.type.key) } as CSSProperties}>
        <div className="container event-hero-inner">
          <div className="event-hero-media" data-image={event.imageUrl ? true : undefined}>
            {event.imageUrl ? <img src={event.imageUrl} alt="" /> : <TypeIcon size={72} />}
          </div>
          <div className="event-hero-copy">
            <nav aria-label="Breadcrumb" className="breadcrumb">
              <Link to="/events">Events</Link>
              <span aria-hidden="true">/</span>
              <Link to={`/events?type=${event.type.key}`}>{event.type.label}</Link>
            </nav>
            <h1>{event.title}</h1>
            {event.tags.length ? (
              <ul className="event-tags" aria-label="Tags">
                {event.tags.map((t) => (
                  <li key={t}>
                    <Link to={`/events?q=${encodeURIComponent(t)}`}>{t}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
            <ul className="event-facts">
              <li>
                <CalendarIcon size={18} />
                <span>
                  {span}
                  {event.sessionCount > 1 ? ` · ${event.sessionCount} dates` : ''}
                </span>
              </li>
              {event.venues.length ? (
                <li>
                  <PinIcon size={18} />
                  <span>{venuesLine(event)}</span>
                </li>
              ) : null}
              {event.priceFrom ? (
                <li>
                  <TicketIcon size={18} />
                  <span>From {formatMoney(event.priceFrom)}</span>
                </li>
              ) : null}
            </ul>
          </div>
        </div>
      </header>

      <div className="container event-body">
        {event.description ? (
          <section className="event-about" aria-labelledby="about-title">
            <h2 id="about-title">About</h2>
            <p>{event.description}</p>
          </section>
        ) : null}
        <Sessions event={event} />
      </div>
    </article>
  );
}

function venuesLine(event: EventDetail) {
  const places = new Map<string, string>();
  for (const s of event.sessions) places.set(s.venue.id, `${s.venue.name}, ${s.venue.city}`);
  return [...places.values()].join(' · ');
}

/** Dates grouped by day at the venue; a city filter when the event plays in more than one. */
function Sessions({ event }: { event: EventDetail }) {
  const [params, setParams] = useSearchParams();
  const cities = [...new Set(event.sessions.map((s) => s.venue.city))].sort();
  const city = cities.includes(params.get('city') ?? '') ? params.get('city')! : '';
  const shown = city ? event.sessions.filter((s) => s.venue.city === city) : event.sessions;
  const days = groupByVenueDay(shown);

  return (
    <section className="event-sessions" aria-labelledby="dates-title">
      <div className="event-sessions-head">
        <h2 id="dates-title">Dates and tickets</h2>
        {cities.length > 1 ? (
          <nav className="chip-row" aria-label="Filter dates by city">
            {['', ...cities].map((c) => (
              <button
                key={c || 'all'}
                type="button"
                className="chip chip-sm"
                aria-pressed={city === c}
                onClick={() => setParams(c ? { city: c } : {}, { replace: true, preventScrollReset: true })}
              >
                {c || 'All cities'}
              </button>
            ))}
          </nav>
        ) : null}
      </div>
      {days.length === 0 ? (
        <p className="muted">No dates are on sale right now. Check back soon.</p>
      ) : (
        days.map((day) => (
          <section key={day.day} className="session-day" aria-labelledby={`day-${day.day}`}>
            <h3 id={`day-${day.day}`}>{day.label}</h3>
            <ul className="session-list">
              {day.sessions.map((s) => (
                <SessionCard key={s.id} session={s} />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}

function EventPageSkeleton() {
  return (
    <div aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading the event…
      </p>
      <div className="event-hero">
        <div className="container event-hero-inner">
          <div className="event-hero-media" />
          <div className="event-hero-copy">
            <div className="skeleton skeleton-on-dark" style={{ height: '2.5rem', width: '70%' }} />
            <div className="skeleton skeleton-on-dark" style={{ height: '1rem', width: '40%' }} />
          </div>
        </div>
      </div>
      <div className="container event-body">
        <div className="skeleton" style={{ height: '9rem' }} />
        <div className="skeleton" style={{ height: '9rem' }} />
      </div>
    </div>
  );
}
