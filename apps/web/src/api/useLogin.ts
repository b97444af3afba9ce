import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type LoginBody, MeResponse } from '@ticketing/contracts';
import { api } from './client.ts';
import { queryKeys } from './keys.ts';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) =>
      api('/api/auth/login', { method: 'POST', body, schema: MeResponse }).then((r) => r.user),
    onSuccess: (user) => queryClient.setQueryData(queryKeys.me, user),
  });
}
