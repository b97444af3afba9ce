import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { EventsPage, type EventsQuery } from '@ticketing/contracts';
import { api } from './client.ts';
import { queryKeys } from './keys.ts';

/**
 * Browse and search the public catalog. The server answers 400 to unknown or empty parameters, so
 * only the filters that are set are sent. The previous page stays on screen while the next loads.
 */
export function useEventSearch(query: Partial<EventsQuery>) {
  return useQuery({
    queryKey: queryKeys.events(query),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
      return api(`/api/events?${params}`, { schema: EventsPage, signal });
    },
    placeholderData: keepPreviousData,
  });
}
