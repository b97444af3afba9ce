import { useQuery } from '@tanstack/react-query';
import { AdminEvent } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys } from './keys.ts';

export function useAdminEvent(id: string) {
  return useQuery({
    queryKey: adminKeys.event(id),
    queryFn: ({ signal }) => api(`/api/admin/events/${id}`, { schema: AdminEvent, signal }),
  });
}
