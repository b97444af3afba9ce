import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Hold } from '@ticketing/contracts';
import { bookingKeys } from './keys.ts';
import { bookingRequest } from './request.ts';

/** Gives the held seats back at once (they turn free for everyone through the stream). */
export function useReleaseHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (holdId: string) =>
      bookingRequest(`/api/holds/${encodeURIComponent(holdId)}`, { method: 'DELETE' }),
    onSuccess: (_, holdId) =>
      queryClient.setQueryData<Hold>(bookingKeys.hold(holdId), (h) => (h ? { ...h, status: 'released' } : h)),
  });
}
