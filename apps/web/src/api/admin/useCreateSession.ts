import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminSession, type SessionCreate } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys } from './keys.ts';
import { sessionChanged } from './sessionChanged.ts';

export function useCreateSession(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionCreate) =>
      api(`/api/admin/events/${eventId}/sessions`, { method: 'POST', body, schema: AdminSession }),
    onSuccess: (session) => {
      // The event's session count shows in the event header and the events list.
      queryClient.invalidateQueries({ queryKey: adminKeys.event(eventId), exact: true });
      queryClient.invalidateQueries({ queryKey: adminKeys.eventLists });
      return sessionChanged(queryClient, session);
    },
  });
}
