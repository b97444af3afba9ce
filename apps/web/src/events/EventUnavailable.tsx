import { Link } from 'react-router';
import { TicketIcon } from '../ui/icons.tsx';

/** The friendly 404 of an event or session: ended, cancelled, unpublished, or a bad link. */
export function EventUnavailable({ what }: { what: 'event' | 'session' }) {
  return (
    <div className="container page status-page">
      <title>Not found · Ticketing</title>
      <div className="status-page-icon">
        <TicketIcon size={32} />
      </div>
      <p className="status-code">404 — not found</p>
      <h1>{what === 'event' ? 'This event isn’t on sale here' : 'This date isn’t on sale here'}</h1>
      <p className="lead">
        It may have ended or been cancelled, or the link is incomplete. Plenty of other things are on.
      </p>
      <div className="status-page-actions">
        <Link className="btn btn-primary" to="/events">
          See what’s on
        </Link>
        <Link className="btn" to="/">
          Home
        </Link>
      </div>
    </div>
  );
}
