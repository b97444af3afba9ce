import { useQuery } from '@tanstack/react-query';
import { AdminSession } from '@ticketing/contracts';
import { api } from '../client.ts';
import { itemsOf } from './itemsOf.ts';
import { adminKeys } from './keys.ts';

export function useEventSessions(eventId: string) {
  return useQuery({
    queryKey: adminKeys.eventSessions(eventId),
    queryFn: ({ signal }) =>
      api(`/api/admin/events/${eventId}/sessions`, { schema: itemsOf(AdminSession), signal }).then(
        (r) => r.items,
      ),
  });
}
