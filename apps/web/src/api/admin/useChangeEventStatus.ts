import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminEvent } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys, publicKeys } from './keys.ts';

export type EventStatusTarget = 'published' | 'cancelled' | 'ended';

/** draft → published → cancelled | ended; the server answers 409 INVALID_STATUS_CHANGE otherwise. */
export function useChangeEventStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: EventStatusTarget) =>
      api(`/api/admin/events/${id}/status`, { method: 'POST', body: { status }, schema: AdminEvent }),
    onSuccess: (event) => {
      queryClient.setQueryData(adminKeys.event(id), event);
      queryClient.invalidateQueries({ queryKey: publicKeys.eventLists });
      queryClient.invalidateQueries({ queryKey: publicKeys.event(id) });
      return queryClient.invalidateQueries({ queryKey: adminKeys.eventLists });
    },
  });
}
