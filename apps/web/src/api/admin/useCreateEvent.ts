import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminEvent, type EventCreate } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys } from './keys.ts';

/** Creates a draft: nothing public changes until it is published. */
export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EventCreate) => api('/api/admin/events', { method: 'POST', body, schema: AdminEvent }),
    onSuccess: (event) => {
      queryClient.setQueryData(adminKeys.event(event.id), event);
      return queryClient.invalidateQueries({ queryKey: adminKeys.eventLists });
    },
  });
}
