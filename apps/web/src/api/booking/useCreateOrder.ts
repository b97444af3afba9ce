import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Order } from '@ticketing/contracts';
import { api } from '../client.ts';
import { bookingKeys } from './keys.ts';

/**
 * Creates the order and its payment for a hold. The caller keeps one Idempotency-Key per checkout
 * attempt and sends it again on retry, so a lost response never creates a second order.
 */
export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ holdId, idempotencyKey }: { holdId: string; idempotencyKey: string }) =>
      api('/api/orders', {
        method: 'POST',
        body: { holdId },
        headers: { 'idempotency-key': idempotencyKey },
        schema: Order,
      }),
    onSuccess: (order) => {
      queryClient.setQueryData(bookingKeys.order(order.id), order);
      queryClient.invalidateQueries({ queryKey: bookingKeys.myOrders });
    },
  });
}
