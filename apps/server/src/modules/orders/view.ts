import type { Order } from '@ticketing/contracts';
import type { orderItems, payments, refunds, tickets } from '../../db/schema/index.ts';
import type { SessionRow } from '../sessions/repository.ts';
import type { OrderRow } from './repository.ts';

/** The buyer's view of an order (pure). */
export function toOrderView(input: {
  order: OrderRow;
  items: Pick<typeof orderItems.$inferSelect, 'seatId' | 'areaId' | 'category' | 'label' | 'priceCents'>[];
  tickets: Pick<
    typeof tickets.$inferSelect,
    'id' | 'seatId' | 'areaId' | 'label' | 'category' | 'priceCents' | 'status'
  >[];
  payment: Pick<typeof payments.$inferSelect, 'providerRef' | 'status' | 'redirectUrl'> | null;
  refunds: Pick<typeof refunds.$inferSelect, 'status' | 'amountCents'>[];
  session: SessionRow | null;
  now?: Date;
}): Order {
  const { order, session } = input;
  const now = input.now ?? new Date();
  const cutoff = session ? session.startsAt.getTime() - session.cancelCutoffHours * 3600_000 : 0;
  return {
    id: order.id,
    sessionId: order.sessionId,
    holdId: order.holdId,
    status: order.status,
    totalCents: order.totalCents,
    currency: order.currency,
    failureReason: order.failureReason,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    items: input.items.map((i) => ({
      seatId: i.seatId,
      areaId: i.areaId,
      category: i.category,
      label: i.label,
      priceCents: i.priceCents,
    })),
    tickets: input.tickets.map((t) => ({
      id: t.id,
      seatId: t.seatId,
      areaId: t.areaId,
      label: t.label,
      category: t.category,
      priceCents: t.priceCents,
      status: t.status,
    })),
    payment: input.payment
      ? {
          id: input.payment.providerRef,
          status: input.payment.status,
          redirectUrl: input.payment.redirectUrl,
        }
      : null,
    refundedCents: input.refunds
      .filter((r) => r.status === 'succeeded')
      .reduce((n, r) => n + r.amountCents, 0),
    cancellable:
      order.status === 'paid' && now.getTime() < cutoff && input.tickets.some((t) => t.status === 'active'),
  };
}
