import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Movie, concert, sports, theatre… Admins add, rename and retire them; retired types stay on old events. */
export const eventTypes = pgTable('event_types', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const venues = pgTable(
  'venues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull().default(''),
    timezone: text('timezone').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('venues_city_idx').on(sql`lower(${t.city})`)],
);

/**
 * A room's seating plan. Versioned: a layout that sessions sell from is never changed in place;
 * an edit inserts the next version of the same lineage and new sessions use that.
 */
export const layouts = pgTable(
  'layouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id),
    lineageId: uuid('lineage_id').notNull(),
    version: integer('version').notNull().default(1),
    previousId: uuid('previous_id').references((): AnyPgColumn => layouts.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['procedural', 'svg'] }).notNull(),
    /** The procedural generator spec, or null for SVG layouts. */
    spec: jsonb('spec'),
    /** The expanded plan (packages/seatmap format), including the sanitized SVG background. */
    plan: jsonb('plan').notNull(),
    capacity: integer('capacity').notNull(),
    categories: jsonb('categories').notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('layouts_venue_idx').on(t.venueId),
    index('layouts_lineage_idx').on(t.lineageId, t.version),
    check('layouts_kind_check', sql`${t.kind} in ('procedural', 'svg')`),
    check('layouts_capacity_check', sql`${t.capacity} >= 0`),
  ],
);

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    typeKey: text('type_key')
      .notNull()
      .references(() => eventTypes.key, { onUpdate: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    imageUrl: text('image_url'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    status: text('status', { enum: ['draft', 'published', 'cancelled', 'ended'] })
      .notNull()
      .default('draft'),
    /**
     * Full-text document, written by the catalog repository on every insert and update (a generated
     * column cannot use array_to_string, which PostgreSQL does not mark immutable).
     */
    searchDocument: tsvector('search_document').notNull().default(sql`''::tsvector`),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // Browse summary, recomputed by the catalog whenever the event's sessions or prices change,
    // so listing 10,000 events never joins sessions, venues and prices per request.
    nextSessionAt: timestamp('next_session_at', { withTimezone: true }),
    lastSessionAt: timestamp('last_session_at', { withTimezone: true }),
    sessionCount: integer('session_count').notNull().default(0),
    cities: text('cities').array().notNull().default(sql`'{}'::text[]`),
    venueIds: uuid('venue_ids').array().notNull().default(sql`'{}'::uuid[]`),
    venueNames: text('venue_names').array().notNull().default(sql`'{}'::text[]`),
    priceMinCents: integer('price_min_cents'),
    priceMaxCents: integer('price_max_cents'),
    currency: text('currency'),
    /** Share of upcoming seats sold, refreshed periodically from inventory (0–1). */
    soldRatio: doublePrecision('sold_ratio').notNull().default(0),
  },
  (t) => [
    index('events_next_session_idx').on(t.status, t.nextSessionAt),
    index('events_cities_idx').using('gin', t.cities),
    index('events_status_idx').on(t.status),
    index('events_type_idx').on(t.typeKey),
    index('events_search_idx').using('gin', t.searchDocument),
    index('events_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
    check('events_status_check', sql`${t.status} in ('draft', 'published', 'cancelled', 'ended')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id),
    layoutId: uuid('layout_id')
      .notNull()
      .references(() => layouts.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    salesOpenAt: timestamp('sales_open_at', { withTimezone: true }).notNull(),
    salesCloseAt: timestamp('sales_close_at', { withTimezone: true }).notNull(),
    holdMinutes: integer('hold_minutes').notNull().default(10),
    maxTicketsPerOrder: integer('max_tickets_per_order').notNull().default(10),
    cancelCutoffHours: integer('cancel_cutoff_hours').notNull().default(24),
    queueMode: text('queue_mode', { enum: ['off', 'scheduled', 'auto'] })
      .notNull()
      .default('off'),
    /** Waiting-room tuning (pre-queue lead time, outflow per minute, max active shoppers). */
    queueSettings: jsonb('queue_settings').notNull().default(sql`'{}'::jsonb`),
    status: text('status', { enum: ['draft', 'published', 'cancelled'] })
      .notNull()
      .default('draft'),
    capacity: integer('capacity').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sessions_event_idx').on(t.eventId, t.startsAt),
    index('sessions_starts_idx').on(t.startsAt),
    index('sessions_layout_idx').on(t.layoutId),
    check('sessions_times_check', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'sessions_sales_check',
      sql`${t.salesOpenAt} < ${t.salesCloseAt} and ${t.salesCloseAt} <= ${t.endsAt}`,
    ),
    check('sessions_hold_check', sql`${t.holdMinutes} between 1 and 60`),
    check('sessions_max_tickets_check', sql`${t.maxTicketsPerOrder} between 1 and 100`),
    check('sessions_cutoff_check', sql`${t.cancelCutoffHours} between 0 and 8760`),
    check('sessions_queue_mode_check', sql`${t.queueMode} in ('off', 'scheduled', 'auto')`),
    check('sessions_status_check', sql`${t.status} in ('draft', 'published', 'cancelled')`),
  ],
);

/** Price of one seating category in one session, in minor units of its currency. */
export const prices = pgTable(
  'prices',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    categoryKey: text('category_key').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.categoryKey] }),
    check('prices_amount_check', sql`${t.amountCents} >= 0`),
    check('prices_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);
