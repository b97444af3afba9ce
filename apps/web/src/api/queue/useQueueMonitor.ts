import { useQuery } from '@tanstack/react-query';
import { QueueMonitor } from '@ticketing/contracts';
import { api } from '../client.ts';
import { queueKeys } from './keys.ts';

/** The serving state is republished about every 2 s: refreshing faster would show nothing new. */
export const MONITOR_REFRESH_MS = 2_000;

/** The admin's live view of one session's waiting room, refreshed every 2 s while the page is visible. */
export function useQueueMonitor(sessionId: string, enabled = true) {
  return useQuery({
    queryKey: queueKeys.monitor(sessionId),
    queryFn: ({ signal }) =>
      api(`/api/admin/sessions/${encodeURIComponent(sessionId)}/queue`, { schema: QueueMonitor, signal }),
    enabled,
    refetchInterval: MONITOR_REFRESH_MS,
  });
}
