import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminVenue } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys } from './keys.ts';

export type VenueBody = { name: string; address: string; city: string; country: string; timezone: string };

export function useCreateVenue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VenueBody) => api('/api/admin/venues', { method: 'POST', body, schema: AdminVenue }),
    onSuccess: (venue) => {
      queryClient.setQueryData(adminKeys.venue(venue.id), venue);
      return queryClient.invalidateQueries({ queryKey: adminKeys.venues });
    },
  });
}
