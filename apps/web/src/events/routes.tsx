import type { RouteObject } from 'react-router';
import { EventPage } from './EventPage.tsx';
import { EventsPage } from './EventsPage.tsx';
import { SessionPage } from './SessionPage.tsx';

/** Public browse routes (no sign-in needed). */
export const eventRoutes: RouteObject[] = [
  { path: 'events', Component: EventsPage },
  { path: 'events/:id', Component: EventPage },
  // Replaced by the seat map with the booking issue.
  { path: 'sessions/:id', Component: SessionPage },
];
