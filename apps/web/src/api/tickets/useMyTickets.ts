import { useQuery } from '@tanstack/react-query';
import { api } from '../client.ts';
import { ticketKeys } from './keys.ts';
import type { MyTickets } from './types.ts';

/** My tickets: sessions not yet ended (soonest first) and past ones (latest first). */
export function useMyTickets() {
  return useQuery({
    queryKey: ticketKeys.mine,
    queryFn: ({ signal }) => api<MyTickets>('/api/me/tickets', { signal }),
  });
}
