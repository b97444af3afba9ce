import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminSession } from '@ticketing/contracts';
import { api } from '../client.ts';
import { sessionChanged } from './sessionChanged.ts';

/** Checks every category has a price (409 PRICES_MISSING), then creates the seat inventory. */
export function usePublishSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api(`/api/admin/sessions/${sessionId}/publish`, { method: 'POST', schema: AdminSession }),
    onSuccess: (session) => sessionChanged(queryClient, session, { isPublic: true }),
  });
}
