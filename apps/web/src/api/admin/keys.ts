import { queryKeys } from '../keys.ts';

export type AdminEventsQuery = { q?: string; status?: string; page?: number; pageSize?: number };

/**
 * Query keys of the admin area, all under 'admin' so they never collide with the public catalog.
 * Lists and details are separate keys, so a mutation can refresh exactly what it changed.
 */
export const adminKeys = {
  eventTypes: ['admin', 'event-types'] as const,
  eventLists: ['admin', 'events', 'list'] as const,
  events: (query: AdminEventsQuery) => ['admin', 'events', 'list', query] as const,
  event: (id: string) => ['admin', 'events', 'detail', id] as const,
  eventSessions: (eventId: string) => ['admin', 'events', 'detail', eventId, 'sessions'] as const,
  session: (id: string) => ['admin', 'sessions', id] as const,
  venues: ['admin', 'venues', 'list'] as const,
  venue: (id: string) => ['admin', 'venues', 'detail', id] as const,
  layout: (id: string) => ['admin', 'layouts', id] as const,
};

/**
 * What the public pages cache (api/keys.ts): publishing or editing an event, its sessions or its
 * venue changes what they show, so those mutations refresh these too.
 */
export const publicKeys = {
  eventLists: ['events'] as const,
  eventDetails: ['event'] as const,
  event: queryKeys.event,
  session: queryKeys.session,
  eventTypes: queryKeys.eventTypes,
};
