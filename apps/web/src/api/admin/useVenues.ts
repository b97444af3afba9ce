import { useQuery } from '@tanstack/react-query';
import { AdminVenue } from '@ticketing/contracts';
import { api } from '../client.ts';
import { itemsOf } from './itemsOf.ts';
import { adminKeys } from './keys.ts';

/** Venues with their current layouts (latest version of each). */
export function useVenues() {
  return useQuery({
    queryKey: adminKeys.venues,
    queryFn: ({ signal }) =>
      api('/api/admin/venues', { schema: itemsOf(AdminVenue), signal }).then((r) => r.items),
  });
}
