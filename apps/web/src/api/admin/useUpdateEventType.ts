import { useMutation, useQueryClient } from '@tanstack/react-query';
import { EventType } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys, publicKeys } from './keys.ts';

/** Rename or retire a type; retired types stay on existing events but cannot be chosen for new ones. */
export function useUpdateEventType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: { key: string; label?: string; retired?: boolean }) =>
      api(`/api/admin/event-types/${encodeURIComponent(key)}`, { method: 'PATCH', body, schema: EventType }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: publicKeys.eventTypes });
      return queryClient.invalidateQueries({ queryKey: adminKeys.eventTypes });
    },
  });
}
