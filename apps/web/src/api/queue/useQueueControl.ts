import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type QueueControl, QueueMonitor } from '@ticketing/contracts';
import { api } from '../client.ts';
import { queueKeys } from './keys.ts';

/** Pause, resume or change the outflow of a session's waiting room; the answer is the new panel. */
export function useQueueControl(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (control: QueueControl) =>
      api(`/api/admin/sessions/${encodeURIComponent(sessionId)}/queue`, {
        method: 'POST',
        body: control,
        schema: QueueMonitor,
      }),
    onSuccess: (monitor) => {
      queryClient.setQueryData(queueKeys.monitor(sessionId), monitor);
      // The public serving state changed too (paused, outflow).
      queryClient.invalidateQueries({ queryKey: queueKeys.serving(sessionId) });
    },
  });
}
