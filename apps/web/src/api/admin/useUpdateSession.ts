import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminSession, type SessionCreate } from '@ticketing/contracts';
import { api } from '../client.ts';
import { sessionChanged } from './sessionChanged.ts';

export type SessionPatch = Partial<Omit<SessionCreate, 'venueId'>>;

/** After publishing only times, limits and queue settings may change (409 SESSION_NOT_EDITABLE). */
export function useUpdateSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionPatch) =>
      api(`/api/admin/sessions/${id}`, { method: 'PATCH', body, schema: AdminSession }),
    onSuccess: (session) => sessionChanged(queryClient, session),
  });
}
