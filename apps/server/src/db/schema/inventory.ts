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
    index('seat_inventory_status_idx').on(t.sessionId, t.category, t.status),
    index('seat_inventory_hold_idx').on(t.holdId),
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
