import { useQuery } from '@tanstack/react-query';
import type { Plan } from '@ticketing/seatmap';
import { api } from '../client.ts';
import { bookingKeys } from './keys.ts';

export type Seatmap = { layoutId: string; plan: Plan };

/** Marks the start of the plan download; the map marks its first draw against it. */
export const SEATMAP_FETCH_MARK = 'seatmap:fetch-start';

/**
 * The session's seat plan. Immutable once sold, so it is cached for the visit. Not validated with
 * zod: a stadium plan is 80,000 seats, and the server built it from the same types.
 */
export function useSeatmap(sessionId: string) {
  return useQuery({
    queryKey: bookingKeys.seatmap(sessionId),
    queryFn: ({ signal }) => {
      performance.clearMarks(SEATMAP_FETCH_MARK);
      performance.mark(SEATMAP_FETCH_MARK);
      return api<Seatmap>(`/api/sessions/${encodeURIComponent(sessionId)}/seatmap`, { signal });
    },
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 5 * 60_000,
  });
}
