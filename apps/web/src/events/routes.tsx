import type { RouteObject } from 'react-router';
import { EventsPage } from './EventsPage.tsx';

/** Public browse routes (no sign-in needed). */
export const eventRoutes: RouteObject[] = [{ path: 'events', Component: EventsPage }];
