import { useQuery } from '@tanstack/react-query';
import { Hold } from '@ticketing/contracts';
import { api } from '../client.ts';
import { bookingKeys } from './keys.ts';

/** One of my holds, to restore it after a reload (or null when there is none to restore). */
export function useHold(holdId: string | null) {
  return useQuery({
    queryKey: bookingKeys.hold(holdId ?? ''),
    queryFn: ({ signal }) => api(`/api/holds/${encodeURIComponent(holdId!)}`, { schema: Hold, signal }),
    enabled: holdId !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
