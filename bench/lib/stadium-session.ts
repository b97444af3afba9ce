import { DEMO_STADIUM_CATEGORIES, demoStadiumSvg } from '@ticketing/seatmap';
import { openDatabase } from '../../apps/server/src/db/client.ts';
import { runMigrations } from '../../apps/server/src/db/migrate.ts';
import { makeTestApp } from '../../apps/server/test/app.ts';

/** Publishes the 81,862-seat demo stadium as an on-sale session in the bench database, through the services. */
export async function createStadiumSession(
  url: string,
  room?: {
    queueMode: 'off' | 'scheduled' | 'auto';
    queueSettings: Record<string, number>;
    salesOpenAt: Date;
  },
) {
  const database = await openDatabase({ kind: 'postgres', url, poolMax: 5 });
  await runMigrations(database);
  const { app } = await makeTestApp(database);
  const s = app.services;
  const venue = await s.venues.createVenue({
    name: 'Bench Stadium',
    address: '1 Pitch Road',
    city: 'Lisbon',
    country: '',
    timezone: 'Europe/Lisbon',
  });
  const layout = await s.venues.createLayout(venue.id, {
    kind: 'svg',
    name: 'Bowl',
    svg: demoStadiumSvg(),
    categories: DEMO_STADIUM_CATEGORIES,
    sectionCategories: {},
  });
  const event = await s.catalog.createEvent({
    title: 'Bench Final',
    description: '',
    typeKey: 'sports',
    tags: [],
  });
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
  const session = await s.sessions.create(event.id, {
    venueId: venue.id,
    layoutId: layout.id,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
    salesOpenAt: (room?.salesOpenAt ?? new Date(Date.now() - 3600_000)).toISOString(),
    salesCloseAt: startsAt.toISOString(),
    holdMinutes: 10,
    maxTicketsPerOrder: 10,
    cancelCutoffHours: 24,
    queueMode: room?.queueMode ?? 'off',
    queueSettings: room?.queueSettings ?? {},
  });
  await s.sessions.setPrices(
    session.id,
    layout.categories.map((c) => ({ categoryKey: c.key, amountCents: 5000, currency: 'EUR' })),
  );
  await s.sessions.publish(session.id);
  await s.catalog.changeStatus(event.id, 'published');
  const seatIds = (layout.plan as { sections: { rows: { seats: { id: string }[] }[] }[] }).sections.flatMap(
    (sec) => sec.rows.flatMap((r) => r.seats.map((x) => x.id)),
  );
  await app.close();
  await database.close();
  return { sessionId: session.id, seatIds };
}

/**
 * The queue benches' on-sale: the stadium as a scheduled on-sale whose pre-queue is open (sales
 * an hour away), the waiting room at 2,000 people a minute and at most 5,000 shoppers.
 */
export function createStadiumOnSale(url: string) {
  return createStadiumSession(url, {
    queueMode: 'scheduled',
    queueSettings: { prequeueMinutes: 120, outflowPerMinute: 2_000, maxActiveShoppers: 5_000 },
    salesOpenAt: new Date(Date.now() + 3600_000),
  });
}
