import { Link } from 'react-router';
import { EmptyState } from '../ui/Feedback.tsx';
import { TicketIcon } from '../ui/icons.tsx';

/** Orders and tickets arrive with booking; until then the page explains what it will hold. */
export function MyTicketsPage() {
  return (
    <div className="container page">
      <title>My tickets · Ticketing</title>
      <header className="page-header">
        <p className="eyebrow">Your orders</p>
        <h1>My tickets</h1>
        <p className="lead">Tickets you buy appear here, ready to show at the door or download as PDF.</p>
      </header>
      <EmptyState
        icon={<TicketIcon />}
        title="No tickets yet"
        action={
          <Link className="btn btn-primary" to="/events">
            Find something to see
          </Link>
        }
      >
        When you book, each ticket shows here with its seat, a QR code for entry and the option to cancel
        within the organiser’s policy.
      </EmptyState>
    </div>
  );
}
