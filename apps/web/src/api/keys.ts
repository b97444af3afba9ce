import type { EventsQuery } from '@ticketing/contracts';

/** Every query key in one place, so a mutation can name exactly what it changed. */
export const queryKeys = {
  me: ['me'] as const,
  health: ['health'] as const,
  events: (query: Partial<EventsQuery>) => ['events', query] as const,
};
