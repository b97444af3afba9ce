import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  CategorySales,
  type CategorySalesQuery,
  MonitoringOverview,
  MonitoringPerformance,
  RegistrationsSeries,
} from '@ticketing/contracts';
import { api } from '../../api/client.ts';

/** How often an open dashboard refreshes while "Live" is on. */
export const LIVE_MS = 5_000;

const keys = {
  overview: ['admin', 'monitoring', 'overview'] as const,
  registrations: (q: RegistrationsParams) => ['admin', 'monitoring', 'registrations', q] as const,
  categories: (q: CategorySalesQuery) => ['admin', 'monitoring', 'categories', q] as const,
  performance: (minutes: number) => ['admin', 'monitoring', 'performance', minutes] as const,
};

const toSearch = (q: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(q).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
  ).toString();

const every = (live: boolean) => (live ? LIVE_MS : false);

export function useMonitoringOverview(live: boolean) {
  return useQuery({
    queryKey: keys.overview,
    queryFn: ({ signal }) => api('/api/admin/monitoring/overview', { schema: MonitoringOverview, signal }),
    refetchInterval: every(live),
  });
}

export type RegistrationsParams = {
  from: string;
  to: string;
  bucket: 'minute' | 'hour' | 'day';
  tz: string;
  eventId?: string;
  sessionId?: string;
};

export function useRegistrations(q: RegistrationsParams, live: boolean) {
  return useQuery({
    queryKey: keys.registrations(q),
    queryFn: ({ signal }) =>
      api(`/api/admin/monitoring/registrations?${toSearch(q)}`, { schema: RegistrationsSeries, signal }),
    refetchInterval: every(live),
    // The chart keeps its last figures while a new range loads, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

export function useCategorySales(q: CategorySalesQuery, live: boolean) {
  return useQuery({
    queryKey: keys.categories(q),
    queryFn: ({ signal }) =>
      api(`/api/admin/monitoring/categories?${toSearch(q)}`, { schema: CategorySales, signal }),
    refetchInterval: every(live),
    placeholderData: keepPreviousData,
  });
}

export function usePerformance(minutes: number, live: boolean) {
  return useQuery({
    queryKey: keys.performance(minutes),
    queryFn: ({ signal }) =>
      api(`/api/admin/monitoring/performance?minutes=${minutes}`, { schema: MonitoringPerformance, signal }),
    refetchInterval: every(live),
    placeholderData: keepPreviousData,
  });
}
