import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Hold, type HoldCreate } from '@ticketing/contracts';
import { bookingKeys } from './keys.ts';
import { bookingRequest } from './request.ts';

/**
 * Holds chosen seats, the best available in a category, or standing places. Errors are
 * BookingApiError, so a 409 SEATS_UNAVAILABLE carries the `seatIds` that were just taken.
 */
export function useCreateHold(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HoldCreate) =>
      bookingRequest(`/api/sessions/${encodeURIComponent(sessionId)}/holds`, {
        method: 'POST',
        body,
        schema: Hold,
      }),
    onSuccess: (hold) => queryClient.setQueryData(bookingKeys.hold(hold.holdId), hold),
  });
}
