import { useQuery } from '@tanstack/react-query';
import { MeResponse, type User } from '@ticketing/contracts';
import { api, isApiError } from './client.ts';
import { queryKeys } from './keys.ts';

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: async ({ signal }): Promise<User | null> => {
      try {
        return (await api('/api/me', { schema: MeResponse, signal })).user;
      } catch (err) {
        if (isApiError(err, 401)) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
}
