import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AdminEvent } from '@ticketing/contracts';
import { api } from '../client.ts';
import { type AdminEventsQuery, adminKeys } from './keys.ts';

export type AdminEventsPage = { items: AdminEvent[]; total: number; page: number; pageSize: number };

const Page = {
  parse: (data: unknown): AdminEventsPage => {
    const d = data as AdminEventsPage;
    return { ...d, items: AdminEvent.array().parse(d.items) };
  },
};

/** Every event, drafts included, newest first; filtered by text and status. */
export function useAdminEvents(query: AdminEventsQuery) {
  return useQuery({
    queryKey: adminKeys.events(query),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
      return api(`/api/admin/events?${params}`, { schema: Page, signal });
    },
    placeholderData: keepPreviousData,
  });
}
