import type { RouteObject } from 'react-router';
import { RequireUser } from '../app/guards.tsx';
import { OrderPage } from './OrderPage.tsx';
import { OrdersPage } from './OrdersPage.tsx';

/** The buyer's orders; signing in first (and coming back here) is the guard's job. */
export const orderRoutes: RouteObject[] = [
  {
    Component: RequireUser,
    children: [
      { path: 'orders', Component: OrdersPage },
      { path: 'orders/:id', Component: OrderPage },
    ],
  },
];
