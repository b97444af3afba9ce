import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminVenue } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys, publicKeys } from './keys.ts';
import type { VenueBody } from './useCreateVenue.ts';

export function useUpdateVenue(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<VenueBody>) =>
      api(`/api/admin/venues/${id}`, { method: 'PATCH', body, schema: AdminVenue }),
    onSuccess: (venue) => {
      queryClient.setQueryData(adminKeys.venue(id), venue);
      // Venue name and city appear on published events and their sessions.
      queryClient.invalidateQueries({ queryKey: publicKeys.eventLists });
      queryClient.invalidateQueries({ queryKey: publicKeys.eventDetails });
      return queryClient.invalidateQueries({ queryKey: adminKeys.venues });
    },
  });
}
