import { useQuery } from '@tanstack/react-query';
import { EventDetail } from '@ticketing/contracts';
import { api } from './client.ts';
import { queryKeys } from './keys.ts';

/** One published event with its sessions, prices and live availability per category. */
export function useEvent(id: string) {
  return useQuery({
    queryKey: queryKeys.event(id),
    queryFn: ({ signal }) => api(`/api/events/${encodeURIComponent(id)}`, { schema: EventDetail, signal }),
    // Availability moves while people book; the server caches it for a second.
    staleTime: 10_000,
  });
}
