import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AdminLayout as AdminLayoutSchema, type LayoutCreate } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys } from './keys.ts';
import type { AdminLayout } from './useLayout.ts';

/**
 * Saves an edit. When sessions already sell from the layout the server keeps it and answers with a
 * new version (another id): compare the returned id to tell the admin.
 */
export function useUpdateLayout(id: string, venueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LayoutCreate) =>
      api(`/api/admin/layouts/${id}`, {
        method: 'PUT',
        body,
        schema: AdminLayoutSchema,
      }) as Promise<AdminLayout>,
    onSuccess: (layout) => {
      queryClient.setQueryData(adminKeys.layout(layout.id), layout);
      if (layout.id !== id) queryClient.invalidateQueries({ queryKey: adminKeys.layout(id) });
      queryClient.invalidateQueries({ queryKey: adminKeys.venue(venueId) });
      return queryClient.invalidateQueries({ queryKey: adminKeys.venues });
    },
  });
}
