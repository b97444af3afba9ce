import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminSession } from '@ticketing/contracts';
import { api } from '../client.ts';
import { sessionChanged } from './sessionChanged.ts';

export function useCancelSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api(`/api/admin/sessions/${sessionId}/cancel`, { method: 'POST', schema: AdminSession }),
    onSuccess: (session) => sessionChanged(queryClient, session, { isPublic: true }),
  });
}
