import { useQuery } from '@tanstack/react-query';
import { AdminVenue } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys } from './keys.ts';

export function useVenue(id: string) {
  return useQuery({
    queryKey: adminKeys.venue(id),
    queryFn: ({ signal }) => api(`/api/admin/venues/${id}`, { schema: AdminVenue, signal }),
  });
}
