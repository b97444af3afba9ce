import { z } from 'zod';
import { Currency, EventStatus, EventTypeKey, QueueMode, SessionStatus } from './catalog.ts';

const Title = z.string().trim().min(2, 'Title must be at least 2 characters').max(160);
const Tag = z.string().trim().toLowerCase().min(1).max(30);
const ImageUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (v) => /^https?:\/\//.test(v) || v.startsWith('/uploads/'),
    'Image must be an http(s) URL or an upload',
  );

export const EventTypeCreate = z.strictObject({
  key: EventTypeKey,
  label: z.string().trim().min(2).max(40),
});
export const EventTypeUpdate = z.strictObject({
  label: z.string().trim().min(2).max(40).optional(),
  retired: z.boolean().optional(),
});

export const EventCreate = z.strictObject({
  title: Title,
  description: z.string().trim().max(10_000).default(''),
  typeKey: EventTypeKey,
  imageUrl: ImageUrl.nullable().optional(),
  tags: z.array(Tag).max(20).default([]),
});
export type EventCreate = z.infer<typeof EventCreate>;
export const EventUpdate = z.strictObject({
  title: Title.optional(),
  description: z.string().trim().max(10_000).optional(),
  typeKey: EventTypeKey.optional(),
  imageUrl: ImageUrl.nullable().optional(),
  tags: z.array(Tag).max(20).optional(),
});
export const EventStatusChange = z.strictObject({ status: EventStatus });

export const AdminEvent = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  typeKey: z.string(),
  imageUrl: z.string().nullable(),
  tags: z.array(z.string()),
  status: EventStatus,
  sessionCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminEvent = z.infer<typeof AdminEvent>;

const timezones = new Set(Intl.supportedValuesOf('timeZone'));
export const VenueCreate = z.strictObject({
  name: z.string().trim().min(2).max(120),
  address: z.string().trim().min(3).max(300),
  city: z.string().trim().min(1).max(100),
  country: z.string().trim().max(100).default(''),
  timezone: z
    .string()
    .trim()
    .refine(
      (tz) => timezones.has(tz) || tz === 'UTC',
      'Unknown time zone: use an IANA name such as Europe/Paris',
    ),
});
export const VenueUpdate = VenueCreate.partial();
export const AdminVenue = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  city: z.string(),
  country: z.string(),
  timezone: z.string(),
  layouts: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(['procedural', 'svg']),
      version: z.number().int(),
      capacity: z.number().int(),
    }),
  ),
});
export type AdminVenue = z.infer<typeof AdminVenue>;

const CategoryDef = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'Category key must be lowercase letters, digits or dashes'),
  label: z.string().trim().min(1).max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colour must be #rrggbb'),
});

/** The procedural generator spec; packages/seatmap validates its inner rules and limits. */
export const ProceduralLayoutCreate = z.strictObject({
  kind: z.literal('procedural'),
  name: z.string().trim().min(1).max(80),
  spec: z.record(z.string(), z.unknown()),
});
export const SvgLayoutCreate = z.strictObject({
  kind: z.literal('svg'),
  name: z.string().trim().min(1).max(80),
  svg: z.string().min(1, 'Upload an SVG file'),
  categories: z.array(CategoryDef).min(1).max(20),
  /** Section id → category key, for seats that carry no data-category of their own. */
  sectionCategories: z.record(z.string(), z.string()).default({}),
});
export const LayoutCreate = z.discriminatedUnion('kind', [ProceduralLayoutCreate, SvgLayoutCreate]);
export type LayoutCreate = z.infer<typeof LayoutCreate>;

export const AdminLayout = z.object({
  id: z.uuid(),
  venueId: z.uuid(),
  lineageId: z.uuid(),
  version: z.number().int(),
  name: z.string(),
  kind: z.enum(['procedural', 'svg']),
  spec: z.unknown().nullable(),
  plan: z.unknown(),
  capacity: z.number().int(),
  categories: z.array(z.object({ key: z.string(), label: z.string(), color: z.string() })),
  inUse: z.boolean().describe('Published sessions sell from it: edits create a new version'),
  warnings: z.array(z.string()).optional(),
});

const When = z.iso.datetime({ offset: true });
export const QueueSettings = z.strictObject({
  prequeueMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  outflowPerMinute: z.number().int().min(1).max(100_000).default(300),
  maxActiveShoppers: z.number().int().min(1).max(1_000_000).default(1000),
  noShowMinutes: z.number().int().min(1).max(60).default(5),
  /** How long a booking access token lets an admitted shopper create holds. */
  shoppingMinutes: z.number().int().min(1).max(120).default(15),
});
export const SessionCreate = z.strictObject({
  venueId: z.uuid(),
  layoutId: z.uuid(),
  startsAt: When,
  endsAt: When,
  salesOpenAt: When,
  salesCloseAt: When.optional().describe('Defaults to the start time'),
  holdMinutes: z
    .number()
    .int()
    .min(1, 'Hold time is 1–60 minutes')
    .max(60, 'Hold time is 1–60 minutes')
    .default(10),
  maxTicketsPerOrder: z.number().int().min(1).max(100).default(10),
  cancelCutoffHours: z.number().int().min(0).max(8760).default(24),
  queueMode: QueueMode.default('off'),
  queueSettings: QueueSettings.partial().default({}),
});
export type SessionCreate = z.infer<typeof SessionCreate>;
export const SessionUpdate = SessionCreate.omit({ venueId: true }).partial();

export const PricesPut = z.strictObject({
  prices: z
    .array(
      z.strictObject({
        categoryKey: z.string().min(1).max(32),
        amountCents: z.number().int().min(0, 'Prices cannot be negative').max(100_000_000),
        currency: Currency,
      }),
    )
    .min(1)
    .max(50),
});

export const AdminSession = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  venueId: z.uuid(),
  layoutId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  salesOpenAt: z.string(),
  salesCloseAt: z.string(),
  holdMinutes: z.number().int(),
  maxTicketsPerOrder: z.number().int(),
  cancelCutoffHours: z.number().int(),
  queueMode: QueueMode,
  queueSettings: z.record(z.string(), z.unknown()),
  status: SessionStatus,
  capacity: z.number().int(),
  prices: z.array(z.object({ categoryKey: z.string(), amountCents: z.number().int(), currency: z.string() })),
});
export type AdminSession = z.infer<typeof AdminSession>;
