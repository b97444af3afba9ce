import type { Order } from '@ticketing/contracts';
import { TicketIcon } from '../ui/icons.tsx';
import { money } from './orderText.ts';

/** The tickets once issued (with their state), otherwise what the order is for. */
export function OrderLines({
  order,
  categoryLabel,
}: {
  order: Order;
  categoryLabel: (key: string) => string;
}) {
  if (order.tickets.length > 0) {
    return (
      <ul className="ticket-lines" aria-label="Tickets">
        {order.tickets.map((t) => (
          <li key={t.id} className="ticket-line" data-status={t.status}>
            <span className="ticket-line-icon" aria-hidden="true">
              <TicketIcon size={20} />
            </span>
            <span className="ticket-line-name">
              {t.label}
              <span className="muted">{categoryLabel(t.category)}</span>
            </span>
            <span className="ticket-line-price">{money(t.priceCents, order.currency)}</span>
            {t.status !== 'active' ? (
              <span className="badge">{t.status === 'cancelled' ? 'Cancelled' : 'Used'}</span>
            ) : null}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="ticket-lines" aria-label="Seats in this order">
      {order.items.map((item, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: standing places repeat the same area; the list never reorders
        <li key={`${item.seatId ?? item.areaId}-${n}`} className="ticket-line">
          <span className="ticket-line-name">
            {item.label}
            <span className="muted">{categoryLabel(item.category)}</span>
          </span>
          <span className="ticket-line-price">{money(item.priceCents, order.currency)}</span>
        </li>
      ))}
    </ul>
  );
}
