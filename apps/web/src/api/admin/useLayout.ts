import { useQuery } from '@tanstack/react-query';
import { AdminLayout as AdminLayoutSchema } from '@ticketing/contracts';
import type { Plan } from '@ticketing/seatmap';
import { api } from '../client.ts';
import { adminKeys } from './keys.ts';

export type AdminLayout = Omit<ReturnType<typeof AdminLayoutSchema.parse>, 'plan'> & { plan: Plan };

/** One layout version with its full plan (several MiB for a stadium: fetched only where it is drawn). */
export function useLayout(id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.layout(id ?? ''),
    queryFn: ({ signal }) =>
      api(`/api/admin/layouts/${id}`, { schema: AdminLayoutSchema, signal }) as Promise<AdminLayout>,
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}
