import { useQuery } from '@tanstack/react-query';
import { EventTypeList } from '@ticketing/contracts';
import { api } from './client.ts';
import { queryKeys } from './keys.ts';

/** The active event types (movie, concert…), for the type chips. Admins rarely change them. */
export function useEventTypes() {
  return useQuery({
    queryKey: queryKeys.eventTypes,
    queryFn: ({ signal }) => api('/api/event-types', { schema: EventTypeList, signal }),
    select: (list) => list.items.filter((t) => !t.retired),
    staleTime: 10 * 60_000,
  });
}
