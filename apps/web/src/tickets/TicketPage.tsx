import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, isApiError } from '../api/client.ts';
import { useDeliveries, useResendTickets } from '../api/tickets/useResendTickets.ts';
import { ticketPdfUrl, useTicket } from '../api/tickets/useTicket.ts';
import { formatDayTime } from '../events/venueTime.ts';
import { money } from '../orders/orderText.ts';
import { EmptyState, ErrorAlert, PageLoading } from '../ui/Feedback.tsx';
import { formatDateTime } from '../ui/format.ts';
import { ClockIcon, PinIcon, TicketIcon } from '../ui/icons.tsx';
import { placeText } from './groupTickets.ts';
import { QrCode } from './QrCode.tsx';
import { ticketStatus } from './ticketText.ts';
import '../orders/orders.css';
import './tickets.css';

/** One ticket, ready for the door: its QR on screen, the PDF, and the email sent again on demand. */
export function TicketPage() {
  const { id = '' } = useParams();
  const ticket = useTicket(id);
  const [showCode, setShowCode] = useState(false);

  if (ticket.isPending) return <PageLoading label="Loading your ticket…" />;
  if (ticket.isError) {
    return (
      <div className="container page">
        {isApiError(ticket.error, 404) ? (
          <EmptyState
            icon={<TicketIcon />}
            title="Ticket not found"
            action={
              <Link className="btn btn-primary" to="/tickets">
                My tickets
              </Link>
            }
          >
            This ticket does not exist or belongs to another account.
          </EmptyState>
        ) : (
          <ErrorAlert>{describeError(ticket.error)}</ErrorAlert>
        )}
      </div>
    );
  }

  const t = ticket.data;
  const status = ticketStatus(t);
  const tz = t.venue.timezone;
  return (
    <div className="container page ticket-page">
      <title>{`${t.event.title} · ${placeText(t)} · Ticketing`}</title>
      <nav aria-label="Breadcrumb" className="order-breadcrumb">
        <Link to="/tickets">My tickets</Link>
        <span aria-hidden="true">/</span>
        <span>{placeText(t)}</span>
      </nav>
      <div className="ticket-layout">
        <article className="card ticket-card" aria-labelledby="ticket-title">
          <header
            className="ticket-card-head"
            style={t.categoryColor ? { borderTopColor: t.categoryColor } : undefined}
          >
            <p className="eyebrow">{t.event.typeLabel}</p>
            <h1 id="ticket-title">{t.event.title}</h1>
            <div className="ticket-group-facts">
              <p>
                <ClockIcon size={16} /> {formatDayTime(t.session.startsAt, tz)} ({t.venue.city} time)
              </p>
              <p>
                <PinIcon size={16} /> {t.venue.name}, {t.venue.address}, {t.venue.city}
              </p>
            </div>
          </header>
          <div className="ticket-card-body">
            <div className="ticket-qr" data-status={t.status}>
              {t.code && t.status !== 'cancelled' ? (
                <QrCode value={t.code} label={`QR code of ticket ${placeText(t)}`} />
              ) : (
                <p className="ticket-qr-void">No code: this ticket was cancelled.</p>
              )}
              {status ? <span className={status.badge}>{status.label}</span> : null}
            </div>
            <dl className="details ticket-details">
              <div>
                <dt>{t.place ? 'Seat' : 'Area'}</dt>
                <dd>
                  <strong>{placeText(t)}</strong>
                </dd>
              </div>
              <div>
                <dt>Category</dt>
                <dd>{t.categoryLabel}</dd>
              </div>
              <div>
                <dt>Price</dt>
                <dd>{money(t.priceCents, t.currency)}</dd>
              </div>
              <div>
                <dt>Holder</dt>
                <dd>{t.holderName}</dd>
              </div>
              <div>
                <dt>Order</dt>
                <dd>
                  <Link to={`/orders/${t.orderId}`}>{t.orderNumber}</Link>
                </dd>
              </div>
              <div>
                <dt>Issued</dt>
                <dd>{formatDateTime(t.issuedAt)}</dd>
              </div>
            </dl>
          </div>
          {t.code ? (
            <div className="ticket-code">
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => setShowCode((s) => !s)}>
                {showCode ? 'Hide the code text' : 'Show the code text'}
              </button>
              {showCode ? <code className="ticket-code-text">{t.code}</code> : null}
            </div>
          ) : null}
        </article>
        <aside className="card ticket-actions" aria-labelledby="ticket-actions-title">
          <h2 id="ticket-actions-title">Take it with you</h2>
          {t.status !== 'cancelled' ? (
            <a className="btn btn-primary btn-block" href={ticketPdfUrl(t.id)} download>
              Download PDF
            </a>
          ) : null}
          <ResendEmail orderId={t.orderId} />
          <Link className="btn btn-ghost btn-block" to="/tickets">
            All my tickets
          </Link>
        </aside>
      </div>
    </div>
  );
}

const DELIVERY_TEXT = {
  queued: 'Email queued',
  sending: 'Email being sent',
  sent: 'Email sent',
  failed: 'Email failed',
} as const;

/** "Resend email" for the ticket's order, with where the latest email stands. */
function ResendEmail({ orderId }: { orderId: string }) {
  const deliveries = useDeliveries(orderId);
  const resend = useResendTickets(orderId);
  const latest = deliveries.data?.items[0];
  return (
    <div className="ticket-resend">
      <button
        type="button"
        className="btn btn-block"
        disabled={resend.isPending}
        onClick={() => resend.mutate()}
      >
        {resend.isPending ? 'Sending…' : 'Resend email'}
      </button>
      {resend.isError ? <ErrorAlert>{describeError(resend.error)}</ErrorAlert> : null}
      {latest ? (
        <p className="field-hint" role="status">
          {DELIVERY_TEXT[latest.status]}
          {latest.sentAt ? ` ${formatDateTime(latest.sentAt)}` : ` · ${formatDateTime(latest.createdAt)}`}
          {latest.status === 'failed' && latest.lastError ? ` (${latest.lastError})` : ''}
        </p>
      ) : null}
    </div>
  );
}
