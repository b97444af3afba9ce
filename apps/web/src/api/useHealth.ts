import { useQuery } from '@tanstack/react-query';
import { HealthResponse } from '@ticketing/contracts';
import { api } from './client.ts';
import { queryKeys } from './keys.ts';

export function useHealth({ refreshMs = 10_000 }: { refreshMs?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.health,
    queryFn: ({ signal }) => api('/api/health', { schema: HealthResponse, signal }),
    refetchInterval: refreshMs,
    staleTime: 0,
  });
}
