import { useQuery } from '@tanstack/react-query';
import { Order } from '@ticketing/contracts';
import { api } from '../client.ts';
import { bookingKeys } from './keys.ts';

const OrderList = Order.array();

/** My orders, newest first (also the source of "My tickets" until tickets have their own list). */
export function useMyOrders() {
  return useQuery({
    queryKey: bookingKeys.myOrders,
    queryFn: ({ signal }) =>
      api('/api/me/orders', {
        schema: { parse: (data: unknown) => OrderList.parse((data as { items?: unknown })?.items) },
        signal,
      }),
  });
}
