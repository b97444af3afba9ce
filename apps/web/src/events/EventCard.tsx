import type { EventSummary } from '@ticketing/contracts';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { formatDateTime, formatMoney } from '../ui/format.ts';
import { CalendarIcon, PinIcon } from '../ui/icons.tsx';
import { iconForType, tintForType } from './eventTypes.tsx';

function demandBadge(soldRatio: number) {
  if (soldRatio >= 0.9) return <span className="badge badge-danger">Almost sold out</span>;
  if (soldRatio >= 0.7) return <span className="badge badge-warning">Selling fast</span>;
  return null;
}

export function EventCard({ event }: { event: EventSummary }) {
  const TypeIcon = iconForType(event.type.key);
  const where = event.venues[0] ?? event.cities[0];
  const more = Math.max(event.cities.length, event.venues.length) - 1;

  return (
    <article className="event-card">
      <div className="event-card-media" style={{ '--tint': tintForType(event.type.key) } as CSSProperties}>
        {event.imageUrl ? (
          <img src={event.imageUrl} alt="" loading="lazy" />
        ) : (
          <TypeIcon size={44} className="event-card-placeholder" />
        )}
      </div>
      <div className="event-card-body">
        <p className="event-card-kind">{event.type.label}</p>
        <h3>
          {/* The whole card is clickable through this link's ::after; one link per card for screen readers. */}
          <Link to={`/events/${event.id}`} className="event-card-link">
            {event.title}
          </Link>
        </h3>
        <ul className="event-card-meta">
          {event.nextSessionAt ? (
            <li>
              <CalendarIcon size={16} />
              <span>
                {formatDateTime(event.nextSessionAt)}
                {event.sessionCount > 1 ? ` · ${event.sessionCount} dates` : ''}
              </span>
            </li>
          ) : null}
          {where ? (
            <li>
              <PinIcon size={16} />
              <span>
                {where}
                {event.venues[0] && event.cities[0] ? `, ${event.cities[0]}` : ''}
                {more > 0 ? ` +${more} more` : ''}
              </span>
            </li>
          ) : null}
        </ul>
        <div className="event-card-foot">
          <span className="event-card-price">
            {event.priceFrom ? (
              <>
                <span className="muted">From</span> {formatMoney(event.priceFrom)}
              </>
            ) : (
              <span className="muted">Prices soon</span>
            )}
          </span>
          {demandBadge(event.soldRatio)}
        </div>
      </div>
    </article>
  );
}

export function EventCardSkeleton() {
  return (
    <div className="event-card" aria-hidden="true">
      <div className="event-card-media skeleton" />
      <div className="event-card-body">
        <div className="skeleton" style={{ height: '1.25rem', width: '80%' }} />
        <div className="skeleton" style={{ height: '0.9rem', width: '60%' }} />
        <div className="skeleton" style={{ height: '0.9rem', width: '45%' }} />
      </div>
    </div>
  );
}
