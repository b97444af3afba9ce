import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../account/AccountPage.tsx';
import { AdminLayout } from '../admin/AdminLayout.tsx';
import { AdminOverviewPage } from '../admin/AdminOverviewPage.tsx';
import { AdminSectionPage } from '../admin/AdminSectionPage.tsx';
import { LoginPage } from '../auth/LoginPage.tsx';
import { SignupPage } from '../auth/SignupPage.tsx';
import { EventsPage } from '../events/EventsPage.tsx';
import { HomePage } from '../home/HomePage.tsx';
import { MyTicketsPage } from '../tickets/MyTicketsPage.tsx';
import { AppShell } from './AppShell.tsx';
import { RequireAdmin, RequireUser } from './guards.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RouteError } from './RouteError.tsx';

export const router = createBrowserRouter([
  {
    Component: AppShell,
    children: [
      {
        // Pathless, so a page that throws is replaced by RouteError inside the shell, not the whole app.
        ErrorBoundary: RouteError,
        children: [
          { index: true, Component: HomePage },
          { path: 'events', Component: EventsPage },
          { path: 'signup', Component: SignupPage },
          { path: 'login', Component: LoginPage },
          {
            Component: RequireUser,
            children: [
              { path: 'account', Component: AccountPage },
              { path: 'tickets', Component: MyTicketsPage },
            ],
          },
          {
            path: 'admin',
            Component: RequireAdmin,
            children: [
              {
                Component: AdminLayout,
                children: [
                  { index: true, Component: AdminOverviewPage },
                  { path: 'events', element: <AdminSectionPage section="events" /> },
                  { path: 'venues', element: <AdminSectionPage section="venues" /> },
                  { path: 'sessions', element: <AdminSectionPage section="sessions" /> },
                  { path: 'monitoring', element: <AdminSectionPage section="monitoring" /> },
                ],
              },
            ],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
