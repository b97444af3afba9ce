import type { SessionSummary } from '@ticketing/contracts';
import { Link } from 'react-router';
import { ArrowRightIcon, PinIcon } from '../ui/icons.tsx';
import { badgeClass, demand, salesLabel, seatsLeft } from './availability.ts';
import { AvailabilityBar, CategoryPrices } from './CategoryPrices.tsx';
import { formatTime, timeForViewer } from './venueTime.ts';
import './session-card.css';

/** One showtime on the event page: when (at the venue), where, prices, what is left, and the way in. */
export function SessionCard({ session }: { session: SessionSummary }) {
  const { venue } = session;
  const sales = salesLabel(session);
  const level = demand(session);
  const yours = timeForViewer(session.startsAt, venue.timezone);
  const onSale = session.salesState === 'open';

  return (
    <li className="session-card">
      <div className="session-head">
        <div className="session-when">
          <time className="session-time" dateTime={session.startsAt}>
            {formatTime(session.startsAt, venue.timezone)}
          </time>
          <span className="session-zones">
            <span>{venue.city} time</span>
            {yours ? <span>{yours} your time</span> : null}
            <span>until {formatTime(session.endsAt, venue.timezone)}</span>
          </span>
        </div>
        <span className={`session-state ${badgeClass(sales.tone)}`}>
          {sales.tone === 'success' ? <span className="dot" /> : null}
          {sales.label}
        </span>
      </div>

      <div className="session-main">
        <div className="session-where">
          <h4>{venue.name}</h4>
          <p className="session-address">
            <PinIcon size={14} />
            <span>
              {venue.address}, {venue.city}
            </span>
          </p>
        </div>
        <CategoryPrices categories={session.categories} />
      </div>

      {session.salesState !== 'closed' ? (
        <div className="session-stock">
          <AvailabilityBar available={session.available} capacity={session.capacity} />
          <span>
            {onSale && level.label ? <strong>{level.label} · </strong> : null}
            {seatsLeft(session)}
          </span>
        </div>
      ) : null}

      <Link className={`session-go btn${onSale ? ' btn-primary' : ''}`} to={`/sessions/${session.id}`}>
        {onSale ? 'Select seats' : 'Session details'}
        {onSale ? <ArrowRightIcon size={18} /> : null}
      </Link>
    </li>
  );
}
