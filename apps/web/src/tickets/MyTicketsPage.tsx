import { Link } from 'react-router';
import { describeError } from '../api/client.ts';
import type { Ticket } from '../api/tickets/types.ts';
import { useMyTickets } from '../api/tickets/useMyTickets.ts';
import { formatDayTime } from '../events/venueTime.ts';
import { EmptyState, ErrorAlert, PageLoading } from '../ui/Feedback.tsx';
import { ClockIcon, PinIcon, TicketIcon } from '../ui/icons.tsx';
import { groupBySession, placeText } from './groupTickets.ts';
import { ticketStatus } from './ticketText.ts';
import './tickets.css';

/** Tickets to use (soonest first) and tickets used or gone by, grouped by the session they are for. */
export function MyTicketsPage() {
  const tickets = useMyTickets();
  const upcoming = groupBySession(tickets.data?.upcoming ?? []);
  const past = groupBySession(tickets.data?.past ?? []);

  return (
    <div className="container page">
      <title>My tickets · Ticketing</title>
      <header className="page-header">
        <p className="eyebrow">Your tickets</p>
        <h1>My tickets</h1>
        <p className="lead">
          Open a ticket to show its QR code at the door or download it as a PDF. Payments and refunds are in{' '}
          <Link to="/orders">My orders</Link>.
        </p>
      </header>
      {tickets.isPending ? <PageLoading label="Loading your tickets…" /> : null}
      {tickets.isError ? <ErrorAlert>{describeError(tickets.error)}</ErrorAlert> : null}
      {tickets.data && upcoming.length === 0 && past.length === 0 ? (
        <EmptyState
          icon={<TicketIcon />}
          title="No tickets yet"
          action={
            <Link className="btn btn-primary" to="/events">
              Find something to see
            </Link>
          }
        >
          When you book, each ticket shows here with its seat, ready for the door.
        </EmptyState>
      ) : null}
      {upcoming.length > 0 ? (
        <section className="ticket-section" aria-labelledby="tickets-upcoming">
          <h2 id="tickets-upcoming">Upcoming</h2>
          <TicketGroups groups={upcoming} />
        </section>
      ) : null}
      {past.length > 0 ? (
        <section className="ticket-section" aria-labelledby="tickets-past">
          <h2 id="tickets-past">Past</h2>
          <TicketGroups groups={past} />
        </section>
      ) : null}
    </div>
  );
}

function TicketGroups({ groups }: { groups: ReturnType<typeof groupBySession> }) {
  return (
    <div className="ticket-groups">
      {groups.map((g) => (
        <section key={g.sessionId} className="card ticket-group" aria-labelledby={`tg-${g.sessionId}`}>
          <header className="ticket-group-head">
            <h3 id={`tg-${g.sessionId}`}>{g.first.event.title}</h3>
            <div className="ticket-group-facts">
              <p>
                <ClockIcon size={16} /> {formatDayTime(g.first.session.startsAt, g.first.venue.timezone)}
              </p>
              <p>
                <PinIcon size={16} /> {g.first.venue.name}, {g.first.venue.city}
              </p>
            </div>
          </header>
          <ul className="ticket-stubs">
            {g.tickets.map((t) => (
              <TicketStub key={t.id} ticket={t} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function TicketStub({ ticket: t }: { ticket: Ticket }) {
  const status = ticketStatus(t);
  return (
    <li
      className="ticket-stub"
      data-status={t.status}
      style={t.categoryColor ? { borderTopColor: t.categoryColor } : undefined}
    >
      <span className="ticket-stub-top">
        <TicketIcon size={20} />
        {status ? <span className={status.badge}>{status.label}</span> : null}
      </span>
      <span className="ticket-stub-seat">{placeText(t)}</span>
      <span className="muted">
        {t.categoryLabel} · Order {t.orderNumber}
      </span>
      <Link to={`/tickets/${t.id}`} aria-label={`Open ticket ${placeText(t)}`}>
        {t.status === 'active' ? 'Show ticket' : 'View ticket'}
      </Link>
    </li>
  );
}
