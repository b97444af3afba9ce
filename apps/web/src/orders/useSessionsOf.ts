import { useQueries } from '@tanstack/react-query';
import { type Order, SessionDetail } from '@ticketing/contracts';
import { api } from '../api/client.ts';
import { queryKeys } from '../api/keys.ts';

export type SessionFacts = {
  title: string;
  eventId: string | null;
  startsAt: string;
  venue: string;
  city: string;
  timezone: string;
  categories: { key: string; label: string; color: string }[];
};

/**
 * What an order is for (event, date, venue). Orders do not carry it yet, so the public session of
 * each distinct session id is fetched once (shared with the session page's cache); a session that
 * is gone leaves the order without it.
 */
export function useSessionsOf(orders: readonly Pick<Order, 'sessionId' | 'event' | 'session'>[]) {
  const ids = [...new Set(orders.map((o) => o.sessionId))];
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: queryKeys.session(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api(`/api/sessions/${encodeURIComponent(id)}`, { schema: SessionDetail, signal }),
      staleTime: 60_000,
      retry: false,
    })),
  });
  const byId = new Map<string, SessionFacts>();
  ids.forEach((id, n) => {
    const s = results[n]?.data;
    if (s)
      byId.set(id, {
        title: s.event.title,
        eventId: s.event.id,
        startsAt: s.startsAt,
        venue: s.venue.name,
        city: s.venue.city,
        timezone: s.venue.timezone,
        categories: s.categories,
      });
  });
  return (order: Pick<Order, 'sessionId' | 'event' | 'session'>): SessionFacts | null => {
    const fetched = byId.get(order.sessionId);
    if (order.event && order.session)
      return {
        title: order.event.title,
        eventId: order.event.id,
        ...order.session,
        categories: fetched?.categories ?? [],
      };
    return fetched ?? null;
  };
}
