import { useQuery } from '@tanstack/react-query';
import { ServingState } from '@ticketing/contracts';
import { api } from '../client.ts';
import { queueKeys } from './keys.ts';

/**
 * The public state of a session's waiting room (cached 2 s by the server and any CDN): whether the
 * booking page must send buyers through the queue. Only asked for sessions that have a queue mode.
 */
export function useServingState(sessionId: string, enabled = true) {
  return useQuery({
    queryKey: queueKeys.serving(sessionId),
    queryFn: ({ signal }) =>
      api(`/api/sessions/${encodeURIComponent(sessionId)}/queue/serving`, { schema: ServingState, signal }),
    enabled,
    staleTime: 2_000,
    refetchOnWindowFocus: false,
  });
}
