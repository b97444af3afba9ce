import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { queryKeys } from './keys.ts';

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/auth/logout', { method: 'POST' }),
    onSuccess: () => queryClient.setQueryData(queryKeys.me, null),
  });
}
