import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { layouts, sessions, venues } from '../../db/schema/index.ts';

export type VenueRow = typeof venues.$inferSelect;
export type LayoutRow = typeof layouts.$inferSelect;
type LayoutValues = Pick<LayoutRow, 'name' | 'kind' | 'spec' | 'plan' | 'capacity' | 'categories'>;

export function venuesRepository(db: Db) {
  return {
    async insertVenue(input: Pick<VenueRow, 'name' | 'address' | 'city' | 'country' | 'timezone'>) {
      const [row] = await db.insert(venues).values(input).returning();
      return row!;
    },

    async updateVenue(
      id: string,
      patch: Partial<Pick<VenueRow, 'name' | 'address' | 'city' | 'country' | 'timezone'>>,
    ) {
      const [row] = await db
        .update(venues)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(venues.id, id))
        .returning();
      return row ?? null;
    },

    async findVenue(id: string) {
      const [row] = await db.select().from(venues).where(eq(venues.id, id));
      return row ?? null;
    },

    listVenues: () => db.select().from(venues).orderBy(venues.city, venues.name),

    /** Current versions only (superseded versions stay for the sessions that sell from them). */
    listCurrentLayouts: (venueId?: string) =>
      db
        .select({
          id: layouts.id,
          venueId: layouts.venueId,
          name: layouts.name,
          kind: layouts.kind,
          version: layouts.version,
          capacity: layouts.capacity,
        })
        .from(layouts)
        .where(and(isNull(layouts.supersededAt), venueId ? eq(layouts.venueId, venueId) : undefined))
        .orderBy(layouts.name),

    async findLayout(id: string) {
      const [row] = await db.select().from(layouts).where(eq(layouts.id, id));
      return row ?? null;
    },

    /** Everything but the (possibly multi-MiB) plan. */
    async findLayoutMeta(id: string) {
      const [row] = await db
        .select({
          id: layouts.id,
          kind: layouts.kind,
          categories: layouts.categories,
          capacity: layouts.capacity,
        })
        .from(layouts)
        .where(eq(layouts.id, id));
      return row ?? null;
    },

    async insertLayout(venueId: string, values: LayoutValues) {
      const id = crypto.randomUUID();
      const [row] = await db
        .insert(layouts)
        .values({ id, venueId, lineageId: id, version: 1, ...values })
        .returning();
      return row!;
    },

    /** True when a published session sells from this layout version: it must not change in place. */
    async layoutInUse(layoutId: string) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(sessions)
        .where(and(eq(sessions.layoutId, layoutId), eq(sessions.status, 'published')));
      return (row?.n ?? 0) > 0;
    },

    async updateLayoutInPlace(id: string, values: LayoutValues) {
      const [row] = await db.update(layouts).set(values).where(eq(layouts.id, id)).returning();
      return row ?? null;
    },

    /**
     * Inserts the next version of a layout's lineage and retires the current one, atomically;
     * draft sessions on the old version move to the new one, published ones keep theirs.
     */
    async insertNextVersion(previous: LayoutRow, values: LayoutValues) {
      return db.transaction(async (tx) => {
        const [latest] = await tx
          .select({ version: layouts.version })
          .from(layouts)
          .where(eq(layouts.lineageId, previous.lineageId))
          .orderBy(desc(layouts.version))
          .limit(1)
          .for('update');
        const [row] = await tx
          .insert(layouts)
          .values({
            venueId: previous.venueId,
            lineageId: previous.lineageId,
            version: (latest?.version ?? previous.version) + 1,
            previousId: previous.id,
            ...values,
          })
          .returning();
        await tx
          .update(layouts)
          .set({ supersededAt: new Date() })
          .where(
            and(
              eq(layouts.lineageId, previous.lineageId),
              isNull(layouts.supersededAt),
              sql`${layouts.id} <> ${row!.id}`,
            ),
          );
        await tx
          .update(sessions)
          .set({ layoutId: row!.id, updatedAt: new Date() })
          .where(and(eq(sessions.layoutId, previous.id), eq(sessions.status, 'draft')));
        return row!;
      });
    },
  };
}

export type VenuesRepository = ReturnType<typeof venuesRepository>;
