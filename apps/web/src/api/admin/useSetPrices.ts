import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminSession } from '@ticketing/contracts';
import { api } from '../client.ts';
import { sessionChanged } from './sessionChanged.ts';

export type PriceInput = { categoryKey: string; amountCents: number; currency: string };

/** Replaces the session's prices (one currency per session). */
export function useSetPrices(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (prices: PriceInput[]) =>
      api(`/api/admin/sessions/${sessionId}/prices`, {
        method: 'PUT',
        body: { prices },
        schema: AdminSession,
      }),
    onSuccess: (session) => sessionChanged(queryClient, session),
  });
}
