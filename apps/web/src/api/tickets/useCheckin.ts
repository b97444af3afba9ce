import { useMutation } from '@tanstack/react-query';
import { api } from '../client.ts';
import type { CheckinResult } from './types.ts';

/**
 * Admits a ticket at the door. A refusal is an ApiError whose code says why
 * (TICKET_ALREADY_USED keeps `usedAt` in its extra members).
 */
export function useCheckin() {
  return useMutation({
    mutationFn: (body: { code: string; sessionId?: string }) =>
      api<CheckinResult>('/api/checkin', { method: 'POST', body }),
  });
}
