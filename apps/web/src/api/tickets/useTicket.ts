import { useQuery } from '@tanstack/react-query';
import { api } from '../client.ts';
import { ticketKeys } from './keys.ts';
import type { TicketDetail } from './types.ts';

export const ticketPdfUrl = (id: string) => `/api/tickets/${encodeURIComponent(id)}/pdf`;

/** One of my tickets, with the signed code its QR shows. */
export function useTicket(id: string) {
  return useQuery({
    queryKey: ticketKeys.ticket(id),
    queryFn: ({ signal }) => api<TicketDetail>(`/api/tickets/${encodeURIComponent(id)}`, { signal }),
  });
}
