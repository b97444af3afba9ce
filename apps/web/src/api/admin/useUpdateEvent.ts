import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminEvent, type EventCreate } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys, publicKeys } from './keys.ts';

export function useUpdateEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<EventCreate>) =>
      api(`/api/admin/events/${id}`, { method: 'PATCH', body, schema: AdminEvent }),
    onSuccess: (event) => {
      queryClient.setQueryData(adminKeys.event(id), event);
      const lists = queryClient.invalidateQueries({ queryKey: adminKeys.eventLists });
      // Edits to a published event show on the browse pages at once.
      if (event.status === 'published') {
        queryClient.invalidateQueries({ queryKey: publicKeys.eventLists });
        queryClient.invalidateQueries({ queryKey: publicKeys.event(id) });
      }
      return lists;
    },
  });
}
