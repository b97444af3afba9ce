import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type EventsPage, EventsPage as EventsPageSchema, type EventsQuery } from '@ticketing/contracts';
import { api, isApiError } from './client.ts';
import { queryKeys } from './keys.ts';

/** The public catalog. A server without the catalog yet (404) reads as an empty one. */
export function useEvents(query: Partial<EventsQuery>) {
  return useQuery({
    queryKey: queryKeys.events(query),
    queryFn: async ({ signal }): Promise<EventsPage> => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
      try {
        return await api(`/api/events?${params}`, { schema: EventsPageSchema, signal });
      } catch (err) {
        if (isApiError(err, 404)) return { items: [], total: 0, page: 1, pageSize: 0, fuzzy: false };
        throw err;
      }
    },
    placeholderData: keepPreviousData,
  });
}
