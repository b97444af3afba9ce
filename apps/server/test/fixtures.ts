import type { FastifyInstance } from 'fastify';

/** A small SVG venue: two sections of seats and one standing area of 10 places. */
export const GA_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 300">
  <rect data-section-id="left" data-label="Left" x="0" y="0" width="280" height="200"/>
  <rect data-section-id="right" data-label="Right" x="320" y="0" width="280" height="200"/>
  ${['A', 'B'].map((row, r) => [1, 2, 3, 4, 5, 6].map((n) => `<circle data-seat-id="L-${row}${n}" data-section="left" data-row="${row}" data-label="${n}" data-category="front" cx="${20 + n * 36}" cy="${40 + r * 40}" r="10"/>`).join('')).join('')}
  ${['A', 'B'].map((row, r) => [1, 2, 3, 4, 5, 6].map((n) => `<circle data-seat-id="R-${row}${n}" data-section="right" data-row="${row}" data-label="${n}" data-category="front" cx="${330 + n * 36}" cy="${40 + r * 40}" r="10"/>`).join('')).join('')}
  <rect data-ga-id="pit" data-label="Standing pit" data-capacity="10" data-category="standing" x="100" y="220" width="400" height="60"/>
</svg>`;

export type SessionFixture = { eventId: string; sessionId: string; layoutId: string; venueId: string };

/**
 * Creates and publishes an event with one on-sale session through the admin services. Default:
 * a 6-row × 10-seat procedural room (categories: stalls rows A–C, circle D–F).
 */
export async function publishedSession(
  app: FastifyInstance,
  opts: {
    kind?: 'procedural' | 'ga-svg';
    holdMinutes?: number;
    maxTicketsPerOrder?: number;
    cancelCutoffHours?: number;
    startsInHours?: number;
    /** Waiting room: the mode, its settings, and when sales open (default: an hour ago). */
    queueMode?: 'off' | 'scheduled' | 'auto';
    queueSettings?: Record<string, number>;
    salesOpenAt?: Date;
  } = {},
): Promise<SessionFixture> {
  const s = app.services;
  const venue = await s.venues.createVenue({
    name: 'Fixture Hall',
    address: '1 Test Street',
    city: 'Testville',
    country: '',
    timezone: 'Europe/Paris',
  });
  const layout =
    opts.kind === 'ga-svg'
      ? await s.venues.createLayout(venue.id, {
          kind: 'svg',
          name: 'GA room',
          svg: GA_SVG,
          categories: [
            { key: 'front', label: 'Front', color: '#0072b2' },
            { key: 'standing', label: 'Standing', color: '#009e73' },
          ],
          sectionCategories: {},
        })
      : await s.venues.createLayout(venue.id, {
          kind: 'procedural',
          name: 'Room',
          spec: {
            rows: 6,
            seatsPerRow: 10,
            aisles: [5],
            rowLabels: { scheme: 'letters', skip: ['I', 'O'] },
            numbering: 'left-to-right',
            categories: [
              { key: 'stalls', label: 'Stalls', color: '#0072b2', rows: ['A', 'C'] },
              { key: 'circle', label: 'Circle', color: '#e69f00', rows: ['D', 'F'] },
            ],
          },
        });
  const event = await s.catalog.createEvent({
    title: 'Fixture Night',
    description: '',
    typeKey: 'concert',
    tags: [],
  });
  const startsAt = new Date(Date.now() + (opts.startsInHours ?? 72) * 3600_000);
  const session = await s.sessions.create(event.id, {
    venueId: venue.id,
    layoutId: layout.id,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    salesOpenAt: (opts.salesOpenAt ?? new Date(Date.now() - 3600_000)).toISOString(),
    salesCloseAt: startsAt.toISOString(),
    holdMinutes: opts.holdMinutes ?? 10,
    maxTicketsPerOrder: opts.maxTicketsPerOrder ?? 6,
    cancelCutoffHours: opts.cancelCutoffHours ?? 24,
    queueMode: opts.queueMode ?? 'off',
    queueSettings: opts.queueSettings ?? {},
  });
  await s.sessions.setPrices(
    session.id,
    layout.categories.map((c, i) => ({ categoryKey: c.key, amountCents: 2000 + i * 1000, currency: 'EUR' })),
  );
  await s.sessions.publish(session.id);
  await s.catalog.changeStatus(event.id, 'published');
  return { eventId: event.id, sessionId: session.id, layoutId: layout.id, venueId: venue.id };
}

/** What the booking repository's createHold takes: chosen seats for 10 minutes, no GA places. */
export const seatHold = (sessionId: string, userId: string, seatIds: string[]) => ({
  sessionId,
  userId,
  seatIds,
  gaItems: [],
  holdMinutes: 10,
});
