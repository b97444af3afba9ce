import { Link } from 'react-router';
import { TicketIcon } from '../ui/icons.tsx';

export function NotFoundPage() {
  return (
    <div className="container page status-page">
      <title>Page not found · Ticketing</title>
      <div className="status-page-icon">
        <TicketIcon size={32} />
      </div>
      <p className="status-code">404 — not found</p>
      <h1>This page isn’t on the programme</h1>
      <p className="lead">The link may be old, or the event may have moved. Try the listings instead.</p>
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
