import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client.ts';
import { ticketKeys } from './keys.ts';
import type { Delivery } from './types.ts';

/** The order's ticket emails, newest first; asked again while one is still on its way. */
export function useDeliveries(orderId: string) {
  return useQuery({
    queryKey: ticketKeys.deliveries(orderId),
    queryFn: ({ signal }) =>
      api<{ items: Delivery[] }>(`/api/orders/${encodeURIComponent(orderId)}/deliveries`, { signal }),
    refetchInterval: ({ state: { data } }) =>
      data?.items.some((d) => d.status === 'queued' || d.status === 'sending') ? 2000 : false,
  });
}

/** Emails the order's tickets again (202: queued). */
export function useResendTickets(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<Delivery>(`/api/orders/${encodeURIComponent(orderId)}/resend`, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKeys.deliveries(orderId) }),
  });
}
