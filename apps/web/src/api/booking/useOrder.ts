import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Order } from '@ticketing/contracts';
import { api } from '../client.ts';
import { bookingKeys } from './keys.ts';

/** The server answers a wait when the order settles, or after this (its cap is 25 s). */
const WAIT_MS = 25_000;
/** After a wait that timed out (still pending), the next one starts this soon. */
const WAIT_AGAIN_MS = 250;
const REFUND_POLL_MS = 2000;

/** Cancelled tickets whose money has not come back yet: the refund webhook is on its way. */
export function refundPendingCents(order: Order): number {
  const cancelled = order.tickets
    .filter((t) => t.status === 'cancelled')
    .reduce((n, t) => n + t.priceCents, 0);
  return Math.max(0, cancelled - order.refundedCents);
}

/**
 * One of my orders. The first answer comes at once; while it is pending (the payment webhook has
 * not arrived yet) the next request waits on the server (`?waitFor=settled`), which answers the
 * moment the order is paid or failed: one request instead of one a second, and no second of delay.
 * While a refund is on its way, it is asked for again every two seconds.
 */
export function useOrder(orderId: string) {
  const client = useQueryClient();
  const key = bookingKeys.order(orderId);
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => {
      const pending = client.getQueryData<Order>(key)?.status === 'pending';
      const wait = pending ? `?waitFor=settled&timeoutMs=${WAIT_MS}` : '';
      return api(`/api/orders/${encodeURIComponent(orderId)}${wait}`, { schema: Order, signal });
    },
    // A refetch while a wait is open joins it instead of starting another (no cancelRefetch).
    refetchInterval: ({ state: { data } }) =>
      data?.status === 'pending'
        ? WAIT_AGAIN_MS
        : data && refundPendingCents(data) > 0
          ? REFUND_POLL_MS
          : false,
    staleTime: 5_000,
  });
}
