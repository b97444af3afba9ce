import type { QueryClient } from '@tanstack/react-query';
import type { AdminSession } from '@ticketing/contracts';
import { adminKeys, publicKeys } from './keys.ts';

/**
 * After a session mutation: store the answer, refresh its event's session list, and the public pages
 * when what buyers see changed (a published session's times or prices, or publishing itself).
 */
export function sessionChanged(queryClient: QueryClient, session: AdminSession, { isPublic = false } = {}) {
  queryClient.setQueryData(adminKeys.session(session.id), session);
  if (isPublic || session.status !== 'draft') {
    queryClient.invalidateQueries({ queryKey: publicKeys.eventLists });
    queryClient.invalidateQueries({ queryKey: publicKeys.event(session.eventId) });
    queryClient.invalidateQueries({ queryKey: publicKeys.session(session.id) });
  }
  return queryClient.invalidateQueries({ queryKey: adminKeys.eventSessions(session.eventId) });
}
