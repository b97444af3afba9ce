import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Hold, type HoldCreate, QUEUE_ACCESS_HEADER } from '@ticketing/contracts';
import { browserStore, readAccess } from '../../queue/storage.ts';
import { api } from '../client.ts';
import { useMe } from '../useMe.ts';
import { bookingKeys } from './keys.ts';

/**
 * Holds chosen seats, the best available in a category, or standing places. While the session's
 * waiting room runs, the access token it gave this account goes along (read at the moment of the
 * request: another tab may have just stored it). A 409 SEATS_UNAVAILABLE carries the `seatIds`
 * that were just taken (ApiError.extra); a 403 QUEUE_ACCESS_REQUIRED/EXPIRED means back to the line.
 */
export function useCreateHold(sessionId: string) {
  const queryClient = useQueryClient();
  const me = useMe();
  const accountId = me.data?.id;
  return useMutation({
    mutationFn: (body: HoldCreate) => {
      const access = accountId ? readAccess(browserStore(), sessionId, accountId, Date.now()) : null;
      return api(`/api/sessions/${encodeURIComponent(sessionId)}/holds`, {
        method: 'POST',
        body,
        headers: access ? { [QUEUE_ACCESS_HEADER]: access.accessToken } : undefined,
        schema: Hold,
      });
    },
    onSuccess: (hold) => queryClient.setQueryData(bookingKeys.hold(hold.holdId), hold),
  });
}
