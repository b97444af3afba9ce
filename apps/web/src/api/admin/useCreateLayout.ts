import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminLayout as AdminLayoutSchema, type LayoutCreate } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys } from './keys.ts';
import type { AdminLayout } from './useLayout.ts';

export function useCreateLayout(venueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LayoutCreate) =>
      api(`/api/admin/venues/${venueId}/layouts`, {
        method: 'POST',
        body,
        schema: AdminLayoutSchema,
      }) as Promise<AdminLayout>,
    onSuccess: (layout) => {
      queryClient.setQueryData(adminKeys.layout(layout.id), layout);
      queryClient.invalidateQueries({ queryKey: adminKeys.venue(venueId) });
      return queryClient.invalidateQueries({ queryKey: adminKeys.venues });
    },
  });
}
