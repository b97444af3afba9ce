import type { EventsQuery } from '@ticketing/contracts';

/** Every query key in one place, so a mutation can name exactly what it changed. */
export const queryKeys = {
  me: ['me'] as const,
  health: ['health'] as const,
  eventTypes: ['event-types'] as const,
  events: (query: Partial<EventsQuery>) => ['events', query] as const,
  event: (id: string) => ['event', id] as const,
  session: (id: string) => ['session', id] as const,
};
