import { Link } from 'react-router';
import { useMyOrders } from '../api/booking/useMyOrders.ts';
import { describeError } from '../api/client.ts';
import { badgeClass } from '../events/availability.ts';
import { formatDayTime } from '../events/venueTime.ts';
import { EmptyState, ErrorAlert, PageLoading } from '../ui/Feedback.tsx';
import { formatDateTime } from '../ui/format.ts';
import { ArrowRightIcon, TicketIcon } from '../ui/icons.tsx';
import { money, orderNumber, orderStatus } from './orderText.ts';
import { useSessionsOf } from './useSessionsOf.ts';
import './orders.css';

/** Every order of the signed-in buyer, newest first, with what it is for and where it stands. */
export function OrdersPage() {
  const orders = useMyOrders();
  const factsOf = useSessionsOf(orders.data ?? []);

  return (
    <div className="container page">
      <title>My orders · Ticketing</title>
      <header className="page-header">
        <p className="eyebrow">Your account</p>
        <h1>My orders</h1>
        <p className="lead">Payments, tickets and refunds, newest first.</p>
      </header>
      {orders.isPending ? <PageLoading label="Loading your orders…" /> : null}
      {orders.isError ? <ErrorAlert>{describeError(orders.error)}</ErrorAlert> : null}
      {orders.data?.length === 0 ? (
        <EmptyState
          icon={<TicketIcon />}
          title="No orders yet"
          action={
            <Link className="btn btn-primary" to="/events">
              Find something to see
            </Link>
          }
        >
          When you buy tickets, the order shows here with its payment and refunds.
        </EmptyState>
      ) : null}
      {orders.data?.length ? (
        <ul className="order-list">
          {orders.data.map((order) => {
            const facts = factsOf(order);
            const status = orderStatus(order);
            const active = order.tickets.filter((t) => t.status === 'active').length;
            const count = order.tickets.length || order.items.length;
            return (
              <li key={order.id} className="card order-card">
                <div className="order-card-main">
                  <h2>
                    <Link to={`/orders/${order.id}`}>{facts?.title ?? `Order ${orderNumber(order.id)}`}</Link>
                  </h2>
                  {facts ? (
                    <p className="muted">
                      {formatDayTime(facts.startsAt, facts.timezone)} · {facts.venue}, {facts.city}
                    </p>
                  ) : null}
                  <p className="order-card-meta">
                    <span className={badgeClass(status.tone)}>{status.label}</span>
                    <span>
                      {order.status === 'paid' ? `${active} of ${count}` : count}{' '}
                      {count === 1 ? 'ticket' : 'tickets'}
                    </span>
                    <span>Ordered {formatDateTime(order.createdAt)}</span>
                  </p>
                </div>
                <div className="order-card-side">
                  <strong>{money(order.totalCents, order.currency)}</strong>
                  {order.refundedCents > 0 ? (
                    <span className="muted">{money(order.refundedCents, order.currency)} refunded</span>
                  ) : null}
                  <Link
                    className="btn btn-sm"
                    to={`/orders/${order.id}`}
                    aria-label={`View order ${orderNumber(order.id)}`}
                  >
                    View <ArrowRightIcon size={16} />
                  </Link>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
