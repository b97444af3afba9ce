import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';

/**
 * A page loaded on first visit, so the public pages never download the admin area. Loading shows
 * inside the admin layout (its <Suspense>), not as a blank app.
 */
function page<K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

/** Children of the admin layout (/admin/...), guarded by RequireAdmin in app/router.tsx. */
export const adminRoutes: RouteObject[] = [
  { index: true, Component: page(() => import('./AdminOverviewPage.tsx'), 'AdminOverviewPage') },
  { path: 'events', Component: page(() => import('./events/EventsListPage.tsx'), 'EventsListPage') },
  { path: 'events/new', Component: page(() => import('./events/EventCreatePage.tsx'), 'EventCreatePage') },
  { path: 'events/:eventId', Component: page(() => import('./events/EventPage.tsx'), 'EventPage') },
  {
    path: 'events/:eventId/sessions/new',
    Component: page(() => import('./sessions/SessionCreatePage.tsx'), 'SessionCreatePage'),
  },
  {
    path: 'events/:eventId/sessions/:sessionId',
    Component: page(() => import('./sessions/SessionPage.tsx'), 'SessionPage'),
  },
  {
    path: 'sessions',
    Component: page(() => import('./sessions/SessionsIndexPage.tsx'), 'SessionsIndexPage'),
  },
  { path: 'venues', Component: page(() => import('./venues/VenuesListPage.tsx'), 'VenuesListPage') },
  { path: 'venues/new', Component: page(() => import('./venues/VenueCreatePage.tsx'), 'VenueCreatePage') },
  { path: 'venues/:venueId', Component: page(() => import('./venues/VenuePage.tsx'), 'VenuePage') },
  {
    path: 'venues/:venueId/layouts/new',
    Component: page(() => import('./layouts/LayoutCreatePage.tsx'), 'LayoutCreatePage'),
  },
  {
    path: 'venues/:venueId/layouts/:layoutId',
    Component: page(() => import('./layouts/LayoutPage.tsx'), 'LayoutPage'),
  },
  { path: 'monitoring', Component: page(() => import('./MonitoringPage.tsx'), 'MonitoringPage') },
];
