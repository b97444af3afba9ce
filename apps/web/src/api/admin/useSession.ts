import { useQuery } from '@tanstack/react-query';
import { AdminSession } from '@ticketing/contracts';
import { api } from '../client.ts';
import { adminKeys } from './keys.ts';

export function useSession(id: string) {
  return useQuery({
    queryKey: adminKeys.session(id),
    queryFn: ({ signal }) => api(`/api/admin/sessions/${id}`, { schema: AdminSession, signal }),
  });
}
