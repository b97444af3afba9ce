import { useQuery } from '@tanstack/react-query';
import { queueKeys } from './keys.ts';
import { fetchServing } from './queueApi.ts';

/**
 * The public state of a session's waiting room (cached 2 s by the server and any CDN): whether the
 * booking page must send buyers through the queue. Only asked for sessions that have a queue mode.
 */
export function useServingState(sessionId: string, enabled = true) {
  return useQuery({
    queryKey: queueKeys.serving(sessionId),
    queryFn: ({ signal }) => fetchServing(sessionId, signal),
    enabled,
    staleTime: 2_000,
    refetchOnWindowFocus: false,
  });
}
