import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Hold } from '@ticketing/contracts';
import { api } from '../client.ts';
import { bookingKeys } from './keys.ts';

/** Gives the held seats back at once (they turn free for everyone through the stream). */
export function useReleaseHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (holdId: string) => api(`/api/holds/${encodeURIComponent(holdId)}`, { method: 'DELETE' }),
    onSuccess: (_, holdId) =>
      queryClient.setQueryData<Hold>(bookingKeys.hold(holdId), (h) => (h ? { ...h, status: 'released' } : h)),
  });
}
