import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client.ts';
import { queryKeys } from './keys.ts';

/**
 * A 401 from any call other than /api/me means the session ended (expired, signed out elsewhere):
 * forget the cached user so guards and the header react at once.
 */
function onUnauthenticated(err: unknown) {
  if (isApiError(err, 401) && err.code === 'UNAUTHENTICATED') queryClient.setQueryData(queryKeys.me, null);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  mutationCache: new MutationCache({ onError: onUnauthenticated }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors will not fix themselves; network blips and 5xx might.
      retry: (failures, err) => failures < 2 && !(isApiError(err) && err.status >= 400 && err.status < 500),
    },
  },
});
