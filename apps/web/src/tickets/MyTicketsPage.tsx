import { Link } from 'react-router';
import { useMyOrders } from '../api/booking/useMyOrders.ts';
import { describeError } from '../api/client.ts';
import { formatDayTime } from '../events/venueTime.ts';
import { useSessionsOf } from '../orders/useSessionsOf.ts';
import { EmptyState, ErrorAlert, PageLoading } from '../ui/Feedback.tsx';
import { ClockIcon, PinIcon, TicketIcon } from '../ui/icons.tsx';
import { groupActiveTickets } from './groupTickets.ts';
import './tickets.css';

/**
 * Tickets to use, grouped by the date they are for. Built from the orders for now; downloads and
 * QR codes come with the tickets issue.
 */
export function MyTicketsPage() {
  const orders = useMyOrders();
  const groups = groupActiveTickets(orders.data ?? []);
  const factsOf = useSessionsOf(groups.map((g) => g.order));

  return (
    <div className="container page">
      <title>My tickets · Ticketing</title>
      <header className="page-header">
        <p className="eyebrow">Your tickets</p>
        <h1>My tickets</h1>
        <p className="lead">
          Tickets you have bought, by event. Payments and refunds are in <Link to="/orders">My orders</Link>.
        </p>
      </header>
      {orders.isPending ? <PageLoading label="Loading your tickets…" /> : null}
      {orders.isError ? <ErrorAlert>{describeError(orders.error)}</ErrorAlert> : null}
      {orders.data && groups.length === 0 ? (
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
      <div className="ticket-groups">
        {groups.map((g) => {
          const facts = factsOf(g.order);
          const category = (key: string) => facts?.categories.find((c) => c.key === key);
          return (
            <section key={g.sessionId} className="card ticket-group" aria-labelledby={`tg-${g.sessionId}`}>
              <header className="ticket-group-head">
                <h2 id={`tg-${g.sessionId}`}>{facts?.title ?? 'Your booking'}</h2>
                {facts ? (
                  <div className="ticket-group-facts">
                    <p>
                      <ClockIcon size={16} /> {formatDayTime(facts.startsAt, facts.timezone)}
                    </p>
                    <p>
                      <PinIcon size={16} /> {facts.venue}, {facts.city}
                    </p>
                  </div>
                ) : null}
              </header>
              <ul className="ticket-stubs">
                {g.tickets.map((t) => {
                  const c = category(t.category);
                  return (
                    <li
                      key={t.id}
                      className="ticket-stub"
                      style={c ? { borderTopColor: c.color } : undefined}
                    >
                      <TicketIcon size={20} />
                      <span className="ticket-stub-seat">{t.label}</span>
                      <span className="muted">{c?.label ?? t.category}</span>
                      <Link to={`/orders/${t.orderId}`} aria-label={`Order of ${t.label}`}>
                        View order
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
