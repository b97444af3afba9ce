import { useQuery } from '@tanstack/react-query';
import { Order } from '@ticketing/contracts';
import { api } from '../client.ts';
import { bookingKeys } from './keys.ts';

const POLL_MS = 1000;
const REFUND_POLL_MS = 2000;

/** Cancelled tickets whose money has not come back yet: the refund webhook is on its way. */
export function refundPendingCents(order: Order): number {
  const cancelled = order.tickets
    .filter((t) => t.status === 'cancelled')
    .reduce((n, t) => n + t.priceCents, 0);
  return Math.max(0, cancelled - order.refundedCents);
}

/**
 * One of my orders. While it is pending (the payment webhook has not arrived yet) it is asked for
 * again every second, as it usually settles in well under a second; while a refund is on its way,
 * every two.
 */
export function useOrder(orderId: string) {
  return useQuery({
    queryKey: bookingKeys.order(orderId),
    queryFn: ({ signal }) => api(`/api/orders/${encodeURIComponent(orderId)}`, { schema: Order, signal }),
    refetchInterval: ({ state: { data } }) =>
      data?.status === 'pending' ? POLL_MS : data && refundPendingCents(data) > 0 ? REFUND_POLL_MS : false,
    staleTime: 5_000,
  });
}
