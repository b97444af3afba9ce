import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../account/AccountPage.tsx';
import { AdminLayout } from '../admin/AdminLayout.tsx';
import { adminRoutes } from '../admin/routes.tsx';
import { LoginPage } from '../auth/LoginPage.tsx';
import { SignupPage } from '../auth/SignupPage.tsx';
import { CheckinPage } from '../checkin/CheckinPage.tsx';
import { DevMailboxPage } from '../devmail/DevMailboxPage.tsx';
import { eventRoutes } from '../events/routes.tsx';
import { HomePage } from '../home/HomePage.tsx';
import { orderRoutes } from '../orders/routes.tsx';
import { QueuePage } from '../queue/QueuePage.tsx';
import { MyTicketsPage } from '../tickets/MyTicketsPage.tsx';
import { TicketPage } from '../tickets/TicketPage.tsx';
import { AppShell } from './AppShell.tsx';
import { RequireAdmin, RequireStaff, RequireUser } from './guards.tsx';
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
          ...eventRoutes,
          { path: 'signup', Component: SignupPage },
          { path: 'login', Component: LoginPage },
          ...orderRoutes,
          {
            Component: RequireUser,
            children: [
              { path: 'account', Component: AccountPage },
              { path: 'tickets', Component: MyTicketsPage },
              { path: 'tickets/:id', Component: TicketPage },
              // The waiting room: joining needs an account (one place per account).
              { path: 'sessions/:id/queue', Component: QueuePage },
            ],
          },
          { path: 'checkin', Component: RequireStaff, children: [{ index: true, Component: CheckinPage }] },
          // No sign-in: the API answers only on a developer's machine (local outbox, not production).
          { path: 'dev/mailbox', Component: DevMailboxPage },
          {
            path: 'admin',
            Component: RequireAdmin,
            children: [
              {
                Component: AdminLayout,
                children: adminRoutes,
              },
            ],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
