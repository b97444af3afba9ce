import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MeResponse, type SignupBody } from '@ticketing/contracts';
import { api } from './client.ts';
import { queryKeys } from './keys.ts';

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignupBody) =>
      api('/api/auth/signup', { method: 'POST', body, schema: MeResponse }).then((r) => r.user),
    onSuccess: (user) => queryClient.setQueryData(queryKeys.me, user),
  });
}
