import { useMutation } from '@tanstack/react-query';
import { bookingRequest } from '../booking/request.ts';
import type { CheckinResult } from './types.ts';

/**
 * Admits a ticket at the door. A refusal is a BookingApiError whose code says why
 * (TICKET_ALREADY_USED keeps `usedAt` in its extra members).
 */
export function useCheckin() {
  return useMutation({
    mutationFn: (body: { code: string; sessionId?: string }) =>
      bookingRequest<CheckinResult>('/api/checkin', { method: 'POST', body }),
  });
}
