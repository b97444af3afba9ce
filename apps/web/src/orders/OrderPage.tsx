import type { Order } from '@ticketing/contracts';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { refundPendingCents, useOrder } from '../api/booking/useOrder.ts';
import { describeError, isApiError } from '../api/client.ts';
import { formatDayTime } from '../events/venueTime.ts';
import { ErrorAlert, PageLoading } from '../ui/Feedback.tsx';
import { AlertIcon, CheckIcon, ClockIcon, PinIcon } from '../ui/icons.tsx';
import { CancelDialog } from './CancelDialog.tsx';
import { OrderLines } from './OrderLines.tsx';
import { failureText, money, orderNumber } from './orderText.ts';
import { PaymentPending } from './PaymentPending.tsx';
import { RetryPayment } from './RetryPayment.tsx';
import { useSessionsOf } from './useSessionsOf.ts';
import './orders.css';

/**
 * One order, as the buyer lands on it back from the payment page: confirming while the webhook is
 * on its way, then the tickets (and cancellation), or what went wrong and how to go on.
 */
export function OrderPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const order = useOrder(id);
  if (order.isError && (isApiError(order.error, 404) || isApiError(order.error, 400))) {
    return (
      <div className="container page">
        <title>Order not found · Ticketing</title>
        <ErrorAlert>
          This order does not exist, or it belongs to another account.{' '}
          <Link to="/orders">See your orders</Link>
        </ErrorAlert>
      </div>
    );
  }
  if (order.isError) {
    return (
      <div className="container page">
        <ErrorAlert>{describeError(order.error)}</ErrorAlert>
      </div>
    );
  }
  if (order.isPending) return <PageLoading label="Loading your order…" />;
  return <OrderView order={order.data} returned={params.get('status')} />;
}

function OrderView({ order, returned }: { order: Order; returned: string | null }) {
  const facts = useSessionsOf([order])(order);
  const [cancelling, setCancelling] = useState(false);
  const categoryLabel = (key: string) => facts?.categories.find((c) => c.key === key)?.label ?? key;
  const activeTickets = order.tickets.filter((t) => t.status === 'active');
  const refundPending = refundPendingCents(order);
  const pickAgain = (
    <Link className="btn btn-primary" to={`/sessions/${order.sessionId}`}>
      Pick seats again
    </Link>
  );

  return (
    <div className="container page order-page">
      <title>{`Order ${orderNumber(order.id)} · Ticketing`}</title>
      <nav aria-label="Breadcrumb" className="order-breadcrumb">
        <Link to="/orders">My orders</Link>
        <span aria-hidden="true">/</span>
        <span>Order {orderNumber(order.id)}</span>
      </nav>

      {order.status === 'pending' ? <PaymentPending order={order} returned={returned} /> : null}
      {order.status === 'paid' ? (
        <header className="order-banner" data-tone="success">
          <span className="order-banner-icon">
            <CheckIcon size={28} />
          </span>
          <div>
            <h1>{activeTickets.length > 0 ? 'You’re going!' : 'All tickets cancelled'}</h1>
            <p>
              {activeTickets.length > 0
                ? `Payment received. Your ${activeTickets.length === 1 ? 'ticket is' : `${activeTickets.length} tickets are`} below.`
                : 'Every ticket of this order was cancelled and refunded.'}
            </p>
          </div>
        </header>
      ) : null}
      {order.status === 'failed' ? (
        <header className="order-banner" data-tone="danger">
          <span className="order-banner-icon">
            <AlertIcon size={28} />
          </span>
          <div>
            <h1>Your payment didn’t go through</h1>
            <p>{failureText(order.failureReason)} No money was taken for these seats.</p>
          </div>
        </header>
      ) : null}
      {order.status === 'cancelled' || order.status === 'refunded' ? (
        <header className="order-banner" data-tone="neutral">
          <span className="order-banner-icon">
            <AlertIcon size={28} />
          </span>
          <div>
            <h1>{order.status === 'refunded' ? 'This order was refunded' : 'This order was cancelled'}</h1>
            <p>
              {order.failureReason ? `${failureText(order.failureReason)} ` : ''}
              {order.refundedCents > 0
                ? `${money(order.refundedCents, order.currency)} went back to your card.`
                : ''}
            </p>
          </div>
        </header>
      ) : null}

      <div className="order-layout">
        <section className="card order-details" aria-labelledby="order-what">
          <h2 id="order-what">{facts?.title ?? 'Your booking'}</h2>
          {facts ? (
            <div className="order-facts">
              <p>
                <ClockIcon size={18} />
                {formatDayTime(facts.startsAt, facts.timezone)} ({facts.city} time)
              </p>
              <p>
                <PinIcon size={18} />
                {facts.venue}, {facts.city}
              </p>
            </div>
          ) : null}
          <OrderLines order={order} categoryLabel={categoryLabel} />
        </section>

        <aside className="card order-summary" aria-labelledby="order-summary-title">
          <h2 id="order-summary-title">Summary</h2>
          <dl className="details">
            <div>
              <dt>Order</dt>
              <dd>{orderNumber(order.id)}</dd>
            </div>
            <div>
              <dt>Total</dt>
              <dd>
                <strong>{money(order.totalCents, order.currency)}</strong>
              </dd>
            </div>
            {order.refundedCents > 0 ? (
              <div>
                <dt>Refunded</dt>
                <dd>{money(order.refundedCents, order.currency)}</dd>
              </div>
            ) : null}
            {refundPending > 0 ? (
              <div>
                <dt>Refund</dt>
                <dd>{money(refundPending, order.currency)} on its way to your card</dd>
              </div>
            ) : null}
          </dl>
          {order.status === 'failed' ? <RetryPayment order={order} fallback={pickAgain} /> : null}
          {order.status === 'cancelled' || order.status === 'refunded' ? pickAgain : null}
          {order.cancellable ? (
            <button type="button" className="btn btn-danger btn-block" onClick={() => setCancelling(true)}>
              Cancel tickets
            </button>
          ) : order.status === 'paid' && activeTickets.length > 0 ? (
            <p className="field-hint">These tickets can no longer be cancelled online.</p>
          ) : null}
          {activeTickets.length > 0 ? (
            <Link className="btn btn-block" to="/tickets">
              My tickets
            </Link>
          ) : null}
          <Link className="btn btn-ghost btn-block" to="/orders">
            All my orders
          </Link>
        </aside>
      </div>
      {order.cancellable ? (
        <CancelDialog order={order} open={cancelling} onClose={() => setCancelling(false)} />
      ) : null}
    </div>
  );
}
