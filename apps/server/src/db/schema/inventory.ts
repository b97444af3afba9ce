import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sessions } from './catalog.ts';

/**
 * One row per seat of a published session: the single place a seat's state lives. Holds and
 * sales are conditional UPDATEs on these rows (see the booking module), never read-then-write.
 */
export const seatInventory = pgTable(
  'seat_inventory',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    seatId: text('seat_id').notNull(),
    category: text('category').notNull(),
    sectionId: text('section_id').notNull(),
    status: text('status', { enum: ['available', 'held', 'sold', 'blocked'] })
      .notNull()
      .default('available'),
    holdId: uuid('hold_id'),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.seatId] }),
    // No index on status or hold_id: a seat's state change then touches no index at all and, with
    // room left on each page (fillfactor 70, migration 0008), is a heap-only (HOT) update. Seats
    // of a hold are found by the hold's seat ids through the primary key.
    index('seat_inventory_category_idx').on(t.sessionId, t.category),
    check('seat_inventory_status_check', sql`${t.status} in ('available', 'held', 'sold', 'blocked')`),
  ],
);

/** General-admission areas: a capacity that is only ever decremented conditionally. */
export const gaInventory = pgTable(
  'ga_inventory',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    areaId: text('area_id').notNull(),
    category: text('category').notNull(),
    capacity: integer('capacity').notNull(),
    remaining: integer('remaining').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.areaId] }),
    check('ga_inventory_remaining_check', sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.capacity}`),
  ],
);
