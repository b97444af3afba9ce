import { useQuery } from '@tanstack/react-query';
import { EventType } from '@ticketing/contracts';
import { api } from '../client.ts';
import { itemsOf } from './itemsOf.ts';
import { adminKeys } from './keys.ts';

/** Every event type, retired ones included (the public list leaves them out). */
export function useEventTypes() {
  return useQuery({
    queryKey: adminKeys.eventTypes,
    queryFn: ({ signal }) =>
      api('/api/admin/event-types', { schema: itemsOf(EventType), signal }).then((r) => r.items),
  });
}
