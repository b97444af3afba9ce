import { z } from 'zod';

/** Money in minor units (cents) with an ISO 4217 code; never floats. */
export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Currency must be a 3-letter ISO 4217 code such as EUR');
export const Money = z.object({ amountCents: z.number().int(), currency: z.string() });
export type Money = z.infer<typeof Money>;

export const EventTypeKey = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]{1,31}$/, 'Type key must be 2–32 lowercase letters, digits or dashes');

export const EventType = z.object({ key: z.string(), label: z.string(), retired: z.boolean() });
export type EventType = z.infer<typeof EventType>;

export const EventStatus = z.enum(['draft', 'published', 'cancelled', 'ended']);
export type EventStatus = z.infer<typeof EventStatus>;
export const SessionStatus = z.enum(['draft', 'published', 'cancelled']);
export const QueueMode = z.enum(['off', 'scheduled', 'auto']);

export const VenueRef = z.object({ id: z.uuid(), name: z.string(), city: z.string(), timezone: z.string() });

export const CategoryAvailability = z.object({
  key: z.string(),
  label: z.string(),
  color: z.string(),
  price: Money.nullable(),
  capacity: z.number().int(),
  available: z.number().int(),
});
export type CategoryAvailability = z.infer<typeof CategoryAvailability>;

export const SessionSummary = z.object({
  id: z.uuid(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  salesOpenAt: z.iso.datetime({ offset: true }),
  salesCloseAt: z.iso.datetime({ offset: true }),
  salesState: z.enum(['not-yet', 'open', 'closed', 'sold-out']),
  queueMode: QueueMode,
  venue: VenueRef.extend({ address: z.string() }),
  layoutKind: z.enum(['procedural', 'svg']),
  maxTicketsPerOrder: z.number().int(),
  capacity: z.number().int(),
  available: z.number().int(),
  categories: z.array(CategoryAvailability),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const EventSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  type: EventType.pick({ key: true, label: true }),
  imageUrl: z.string().nullable(),
  tags: z.array(z.string()),
  cities: z.array(z.string()),
  venues: z.array(z.string()),
  nextSessionAt: z.iso.datetime({ offset: true }).nullable(),
  sessionCount: z.number().int(),
  priceFrom: Money.nullable(),
  soldRatio: z.number().describe('Share of seats sold across upcoming sessions, 0–1'),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const EventDetail = EventSummary.extend({
  description: z.string(),
  status: EventStatus,
  sessions: z.array(SessionSummary),
});
export type EventDetail = z.infer<typeof EventDetail>;

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const EventSort = z.enum(['relevance', 'date', 'price', 'popularity']);
export const EventsQuery = z.strictObject({
  q: z.string().trim().max(100, 'Search text must be at most 100 characters').optional(),
  type: EventTypeKey.optional(),
  city: z.string().trim().max(100).optional(),
  venueId: z.uuid().optional(),
  from: isoDate.optional().describe('Sessions starting at or after this time'),
  to: isoDate.optional().describe('Sessions starting before this time'),
  priceMin: z.coerce.number().int().min(0).optional().describe('Minor units'),
  priceMax: z.coerce.number().int().min(0).optional().describe('Minor units'),
  sort: EventSort.optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(12),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

export const EventsPage = z.object({
  items: z.array(EventSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** When the query was misspelled: the titles the typo-tolerant search matched instead. */
  fuzzy: z.boolean(),
});
export type EventsPage = z.infer<typeof EventsPage>;

/** `GET /api/sessions/:id`: one session with the event it belongs to. */
export const SessionDetail = SessionSummary.extend({
  event: z.object({ id: z.uuid(), title: z.string(), typeKey: z.string(), imageUrl: z.string().nullable() }),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

/** `GET /api/event-types`: the active types. */
export const EventTypeList = z.object({ items: z.array(EventType) });
export type EventTypeList = z.infer<typeof EventTypeList>;
