import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Order } from '@ticketing/contracts';
import { api } from '../client.ts';
import { queryKeys } from '../keys.ts';
import { bookingKeys } from './keys.ts';

/** Cancels the whole order, or only `ticketIds`; the refund follows through the payment provider. */
export function useCancelOrder(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ticketIds?: string[]) =>
      api(`/api/orders/${encodeURIComponent(orderId)}/cancel`, {
        method: 'POST',
        body: ticketIds ? { ticketIds } : {},
        schema: Order,
      }),
    onSuccess: (order) => {
      queryClient.setQueryData(bookingKeys.order(order.id), order);
      queryClient.invalidateQueries({ queryKey: bookingKeys.myOrders });
      // The seats are on sale again: the session's counts changed.
      queryClient.invalidateQueries({ queryKey: queryKeys.session(order.sessionId) });
    },
  });
}
