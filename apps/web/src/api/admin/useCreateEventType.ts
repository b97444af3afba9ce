import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EventType } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys, publicKeys } from './keys.ts';

export function useCreateEventType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { key: string; label: string }) =>
      api('/api/admin/event-types', { method: 'POST', body, schema: EventType }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: publicKeys.eventTypes });
      return queryClient.invalidateQueries({ queryKey: adminKeys.eventTypes });
    },
  });
}
