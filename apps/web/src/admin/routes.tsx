import type { RouteObject } from 'react-router';
import { AdminOverviewPage } from './AdminOverviewPage.tsx';
import { AdminSectionPage } from './AdminSectionPage.tsx';

/** Children of the admin layout (/admin/...), guarded by RequireAdmin in app/router.tsx. */
export const adminRoutes: RouteObject[] = [
  { index: true, Component: AdminOverviewPage },
  { path: 'events', element: <AdminSectionPage section="events" /> },
  { path: 'venues', element: <AdminSectionPage section="venues" /> },
  { path: 'sessions', element: <AdminSectionPage section="sessions" /> },
  { path: 'monitoring', element: <AdminSectionPage section="monitoring" /> },
];
