import type { LayoutCreate } from '@ticketing/contracts';
import {
  DEMO_STADIUM_CATEGORIES,
  demoCinemaSpec,
  demoConcertHall,
  demoStadiumSvg,
  type ProceduralSpec,
} from '@ticketing/seatmap';
import type { Services } from '../../app.ts';
import { DEMO_EVENTS, DEMO_VENUES, type DemoVenue } from './catalog-data.ts';
import { DEMO_ON_SALE_DELAY_MS, DEMO_ON_SALE_QUEUE, DEMO_ON_SALE_TITLE } from './on-sale.ts';
import { planToSvg } from './plan-to-svg.ts';

const theatreSpec: ProceduralSpec = {
  rows: 18,
  seatsPerRow: 28,
  aisles: [7, 21],
  wheelchair: [{ row: 'T', seats: [1, 28] }],
  rowLabels: { scheme: 'letters', skip: ['I', 'O'] },
  numbering: 'left-to-right',
  categories: [
    { key: 'stalls', label: 'Stalls', color: '#cc79a7', rows: ['A', 'H'] },
    { key: 'circle', label: 'Dress circle', color: '#0072b2', rows: ['J', 'P'] },
    { key: 'upper', label: 'Upper circle', color: '#009e73', rows: ['Q', 'T'] },
  ],
  screenAt: 'top',
};

const arenaSpec: ProceduralSpec = {
  rows: 30,
  seatsPerRow: 50,
  aisles: [12, 25, 38],
  rowLabels: { scheme: 'numbers' },
  numbering: 'left-to-right',
  categories: [
    { key: 'floor', label: 'Floor', color: '#cc79a7', rows: ['1', '8'] },
    { key: 'lower', label: 'Lower tier', color: '#0072b2', rows: ['9', '20'] },
    { key: 'upper', label: 'Upper tier', color: '#e69f00', rows: ['21', '30'] },
  ],
  screenAt: 'top',
};

function layoutFor(kind: DemoVenue['layout']): LayoutCreate {
  switch (kind) {
    case 'cinema':
      return {
        kind: 'procedural',
        name: 'Screen 1',
        spec: demoCinemaSpec() as unknown as Record<string, unknown>,
      };
    case 'theatre':
      return {
        kind: 'procedural',
        name: 'Main house',
        spec: theatreSpec as unknown as Record<string, unknown>,
      };
    case 'arena':
      return {
        kind: 'procedural',
        name: 'Arena bowl',
        spec: arenaSpec as unknown as Record<string, unknown>,
      };
    case 'concert-hall': {
      const plan = demoConcertHall();
      return {
        kind: 'svg',
        name: 'Main hall',
        svg: planToSvg(plan),
        categories: plan.categories,
        sectionCategories: {},
      };
    }
    case 'stadium':
      return {
        kind: 'svg',
        name: 'Stadium bowl',
        svg: demoStadiumSvg(),
        categories: DEMO_STADIUM_CATEGORIES,
        sectionCategories: {},
      };
  }
}

// Price multipliers per category key: better seats cost more.
const PRICE_FACTOR: Record<string, number> = {
  premium: 1.5,
  standard: 1,
  a: 1.3,
  b: 1,
  c: 0.75,
  cat1: 1.6,
  cat2: 1.2,
  cat3: 1,
  cat4: 0.7,
  stalls: 1.4,
  circle: 1,
  upper: 0.7,
  floor: 1.5,
  lower: 1.1,
};

const DAY = 24 * 3600_000;

/**
 * Builds the demo catalog through the same services the admin API uses (layouts are validated,
 * SVGs sanitized, sessions published with real inventory), so the demo proves the admin path.
 */
export async function seedDemoCatalog(services: Services, now = new Date()) {
  const venueIds = new Map<string, { venueId: string; layoutId: string; categories: string[] }>();
  for (const v of DEMO_VENUES) {
    const venue = await services.venues.createVenue({
      name: v.name,
      address: v.address,
      city: v.city,
      country: v.country,
      timezone: v.timezone,
    });
    const layout = await services.venues.createLayout(venue.id, layoutFor(v.layout));
    venueIds.set(v.key, {
      venueId: venue.id,
      layoutId: layout.id,
      categories: layout.categories.map((c) => c.key),
    });
  }

  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let seq = 0;
  for (const [i, e] of DEMO_EVENTS.entries()) {
    const event = await services.catalog.createEvent({
      title: e.title,
      description: e.description,
      typeKey: e.type,
      tags: e.tags,
    });
    for (const [j, key] of e.venues.entries()) {
      const place = venueIds.get(key)!;
      for (let k = 0; k < e.sessions; k++) {
        seq++;
        // Spread over the next five weeks; evenings (18:00–21:00 UTC), matinées for some.
        const day = 1 + ((i * 5 + j * 3 + k * 4) % 35);
        const hour = e.type === 'movie' ? 14 + ((seq * 3) % 8) : 18 + (seq % 3);
        const startsAt = new Date(midnight + day * DAY + hour * 3600_000);
        const endsAt = new Date(startsAt.getTime() + (e.type === 'movie' ? 2.5 : 3) * 3600_000);
        const onSale = e.title === DEMO_ON_SALE_TITLE;
        const session = await services.sessions.create(event.id, {
          venueId: place.venueId,
          layoutId: place.layoutId,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          salesOpenAt: new Date(
            onSale ? now.getTime() + DEMO_ON_SALE_DELAY_MS : now.getTime() - DAY,
          ).toISOString(),
          salesCloseAt: startsAt.toISOString(),
          holdMinutes: 10,
          maxTicketsPerOrder: e.type === 'sports' || e.type === 'concert' ? 6 : 10,
          cancelCutoffHours: 24,
          queueMode: onSale ? 'scheduled' : 'off',
          queueSettings: onSale ? DEMO_ON_SALE_QUEUE : {},
        });
        await services.sessions.setPrices(
          session.id,
          place.categories.map((categoryKey) => ({
            categoryKey,
            amountCents: Math.round((e.price * (PRICE_FACTOR[categoryKey] ?? 1)) / 50) * 50,
            currency: 'EUR',
          })),
        );
        await services.sessions.publish(session.id);
      }
    }
    await services.catalog.changeStatus(event.id, 'published');
  }
  return { venues: DEMO_VENUES.length, events: DEMO_EVENTS.length, sessions: seq };
}
