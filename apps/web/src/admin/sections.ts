export type AdminSection = {
  path: 'events' | 'venues' | 'sessions' | 'monitoring';
  title: string;
  summary: string;
  /** What the section will let an admin do; shown until the section's tools ship. */
  capabilities: string[];
};

export const adminSections: AdminSection[] = [
  {
    path: 'events',
    title: 'Events',
    summary: 'Create, publish and cancel events; manage event types.',
    capabilities: [
      'Create events with a title, description, type, tags and an image',
      'Move an event through draft, published, cancelled and ended',
      'Add, rename and retire event types such as Movies or Concerts',
      'Search and filter every event, including drafts',
    ],
  },
  {
    path: 'venues',
    title: 'Venues & layouts',
    summary: 'Venues, seat layouts and price categories.',
    capabilities: [
      'Venues with address, city and time zone',
      'Procedural layouts for cinemas and halls: rows, seats per row, aisles',
      'Imported SVG plans for stadiums and theatres, checked before use',
      'Seat categories with colours, and general admission areas with a capacity',
    ],
  },
  {
    path: 'sessions',
    title: 'Sessions',
    summary: 'Dates, sales windows, prices and queue settings.',
    capabilities: [
      'Schedule a session of an event at a venue and layout',
      'Open and close sales at set times; cap tickets per order',
      'Set a price per seat category, in the event’s currency',
      'Choose the waiting room mode: off, scheduled for an on-sale, or automatic under load',
    ],
  },
  {
    path: 'monitoring',
    title: 'Monitoring',
    summary: 'Live on-sale dashboard: queue, holds, orders.',
    capabilities: [
      'People waiting, admission rate and estimated wait per session',
      'Seats held, sold and released in real time',
      'Orders and payment outcomes per minute, with failures highlighted',
      'Health of the database, coordinator and job workers, with Prometheus metrics at /metrics',
    ],
  },
];
