import type { EventsQuery } from '@ticketing/contracts';

/**
 * The search page keeps its state in the URL, so back/forward and shared links work. This file maps
 * the URL to the filters the page shows and to the query the API accepts. Prices are typed in
 * currency units (`min=20`) and sent in cents (`priceMin=2000`).
 */
export const sorts = ['relevance', 'date', 'price', 'popularity'] as const;
export type Sort = (typeof sorts)[number];

export type SearchFilters = {
  q: string;
  type: string;
  city: string;
  /** YYYY-MM-DD, or '' */
  from: string;
  to: string;
  /** Currency units as typed ("12.5"), or '' */
  min: string;
  max: string;
  /** '' means the default: relevance when there is text, date otherwise. */
  sort: Sort | '';
  page: number;
};

export type FilterKey = Exclude<keyof SearchFilters, 'page'>;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const typeKey = /^[a-z][a-z0-9-]{1,31}$/;

const price = (raw: string | null) => {
  const n = Number(raw);
  return raw && raw.trim() !== '' && Number.isFinite(n) && n >= 0 ? raw.trim() : '';
};

/** Reads the filters from the URL; anything malformed is dropped, so the API never sees it. */
export function parseFilters(params: URLSearchParams): SearchFilters {
  const sort = params.get('sort') ?? '';
  const page = Math.floor(Number(params.get('page')));
  const day = (key: string) => {
    const v = params.get(key) ?? '';
    return isoDay.test(v) && !Number.isNaN(Date.parse(v)) ? v : '';
  };
  const type = params.get('type') ?? '';
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    type: typeKey.test(type) ? type : '',
    city: (params.get('city') ?? '').trim().slice(0, 100),
    from: day('from'),
    to: day('to'),
    min: price(params.get('min')),
    max: price(params.get('max')),
    sort: (sorts as readonly string[]).includes(sort) ? (sort as Sort) : '',
    page: page >= 1 && page <= 1000 ? page : 1,
  };
}

export const toCents = (units: string) => Math.round(Number(units) * 100);

/** The API query for these filters, with only the parameters that are set. */
export function toEventsQuery(f: SearchFilters, pageSize: number): Partial<EventsQuery> {
  const query: Partial<EventsQuery> = { page: f.page, pageSize };
  if (f.q) query.q = f.q;
  if (f.type) query.type = f.type;
  if (f.city) query.city = f.city;
  // A range typed backwards still means the days between the two dates.
  const [from, to] = f.from && f.to && f.to < f.from ? [f.to, f.from] : [f.from, f.to];
  if (from) query.from = from;
  if (to) query.to = to;
  const [min, max] = f.min && f.max && Number(f.max) < Number(f.min) ? [f.max, f.min] : [f.min, f.max];
  if (min) query.priceMin = toCents(min);
  if (max) query.priceMax = toCents(max);
  query.sort = effectiveSort(f);
  return query;
}

export const effectiveSort = (f: Pick<SearchFilters, 'q' | 'sort'>): Sort =>
  f.sort || (f.q ? 'relevance' : 'date');

/** The URL after some filters change. Any change but paging goes back to page 1. */
export function withFilters(params: URLSearchParams, changes: Partial<Record<FilterKey | 'page', string>>) {
  const next = new URLSearchParams(params);
  if (!('page' in changes)) next.delete('page');
  for (const [key, value] of Object.entries(changes)) {
    if (!value || (key === 'page' && value === '1')) next.delete(key);
    else next.set(key, value);
  }
  return next;
}

export const filterKeys: FilterKey[] = ['q', 'type', 'city', 'from', 'to', 'min', 'max', 'sort'];

/** Filters narrowing the results (text and sort aside): what the "Filters" button counts. */
export const narrowingKeys = ['type', 'city', 'from', 'to', 'min', 'max'] as const;

export const countNarrowing = (f: SearchFilters) => narrowingKeys.filter((k) => f[k] !== '').length;

export function searchHref(params: URLSearchParams) {
  const qs = params.toString();
  return qs ? `/events?${qs}` : '/events';
}
