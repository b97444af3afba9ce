import { useQuery } from '@tanstack/react-query';
import { SessionDetail } from '@ticketing/contracts';
import { api } from './client.ts';
import { queryKeys } from './keys.ts';

/** One session (showtime) with its venue, prices, live availability and the event it belongs to. */
export function useSession(id: string) {
  return useQuery({
    queryKey: queryKeys.session(id),
    queryFn: ({ signal }) =>
      api(`/api/sessions/${encodeURIComponent(id)}`, { schema: SessionDetail, signal }),
    staleTime: 10_000,
  });
}
