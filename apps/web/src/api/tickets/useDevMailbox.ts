import { useQuery } from '@tanstack/react-query';
import { api } from '../client.ts';
import { ticketKeys } from './keys.ts';
import type { MailMessage, MailSummary } from './types.ts';

export const attachmentUrl = (messageId: string, name: string) =>
  `/api/dev/mailbox/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(name)}`;

/**
 * What the local outbox "sent", newest first. The API exists only outside production with the
 * local outbox: a 404 means there is no dev mailbox, not an error.
 */
export function useDevMailbox({ poll = false }: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: ticketKeys.mailbox,
    queryFn: ({ signal }) => api<{ items: MailSummary[] }>('/api/dev/mailbox', { signal }),
    retry: false,
    refetchInterval: poll ? 3000 : false,
  });
}

export function useDevMail(id: string | null) {
  return useQuery({
    queryKey: ticketKeys.mail(id ?? ''),
    queryFn: ({ signal }) => api<MailMessage>(`/api/dev/mailbox/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}
