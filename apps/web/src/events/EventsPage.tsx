import { useQueryClient } from '@tanstack/react-query';
import type { EventsPage as EventsPageData } from '@ticketing/contracts';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../api/client.ts';
import { useEventSearch } from '../api/useEventSearch.ts';
import { useEventTypes } from '../api/useEventTypes.ts';
import { EmptyState, ErrorAlert } from '../ui/Feedback.tsx';
import { AlertIcon, CalendarIcon, SearchIcon } from '../ui/icons.tsx';
import { ActiveFilters } from './ActiveFilters.tsx';
import { EventGrid, EventGridSkeleton } from './EventGrid.tsx';
import { featuredTypes } from './eventTypes.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { Pager } from './Pager.tsx';
import { SearchForm } from './SearchForm.tsx';
import {
  countNarrowing,
  effectiveSort,
  type FilterKey,
  filterKeys,
  parseFilters,
  type Sort,
  searchHref,
  toEventsQuery,
  withFilters,
} from './searchFilters.ts';
import { TypeChips } from './TypeChips.tsx';
import './events.css';
import './search.css';

const PAGE_SIZE = 12;

const sortLabels: Record<Sort, string> = {
  relevance: 'Best match',
  date: 'Soonest',
  price: 'Lowest price',
  popularity: 'Most popular',
};

export function EventsPage() {
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const events = useEventSearch(toEventsQuery(filters, PAGE_SIZE));
  const types = useEventTypes();
  const cities = useKnownCities(filters.city);
  const [panelOpen, setPanelOpen] = useState(false);
  const panelId = useId();

  const typeLabel = (types.data ?? featuredTypes).find((t) => t.key === filters.type)?.label;
  const heading = filters.q
    ? `Results for “${filters.q}”`
    : `${typeLabel ?? 'All events'}${filters.city ? ` in ${filters.city}` : ''}`;
  const currency = events.data?.items.find((e) => e.priceFrom)?.priceFrom?.currency ?? 'EUR';
  const money = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  const currencySymbol = money.formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
  const narrowing = countNarrowing(filters);

  const change = (changes: Partial<Record<FilterKey, string>>) => {
    const next = withFilters(params, changes);
    if (next.toString() !== params.toString()) setParams(next, { preventScrollReset: true });
  };
  // The text box keeps every other filter when a new search is typed.
  const keep = filterKeys
    .filter((k) => k !== 'q' && params.get(k))
    .map((k): [string, string] => [k, params.get(k)!]);
  const total = events.data?.total ?? 0;

  return (
    <div className="container page">
      <title>{`${heading} · Ticketing`}</title>
      <header className="page-header">
        <p className="eyebrow">What’s on</p>
        <h1>{heading}</h1>
      </header>

      <div className="events-toolbar">
        <SearchForm key={filters.q} defaultValue={filters.q} keep={keep} />
        <TypeChips
          label="Filter by type"
          current={filters.type}
          hrefFor={(type) => searchHref(withFilters(params, { type: type ?? '' }))}
        />
      </div>

      <div className="search-layout">
        <div className="results-bar">
          <button
            type="button"
            className="btn btn-sm filters-toggle"
            aria-expanded={panelOpen}
            aria-controls={panelId}
            onClick={() => setPanelOpen((o) => !o)}
          >
            Filters
            {narrowing > 0 ? <span className="badge badge-accent">{narrowing}</span> : null}
          </button>
          <p className="results-count" aria-live="polite">
            {events.isPending ? 'Searching…' : `${total} ${total === 1 ? 'event' : 'events'}`}
          </p>
          <label className="sort-select">
            <span>Sort by</span>
            <select
              className="input"
              value={effectiveSort(filters)}
              onChange={(e) => change({ sort: e.target.value })}
            >
              {(Object.keys(sortLabels) as Sort[])
                .filter((s) => s !== 'relevance' || filters.q || filters.sort === 'relevance')
                .map((s) => (
                  <option key={s} value={s}>
                    {sortLabels[s]}
                  </option>
                ))}
            </select>
          </label>
        </div>

        <aside className="filter-panel" data-open={panelOpen} aria-labelledby={`${panelId}-title`}>
          <h2 id={`${panelId}-title`} className="filter-panel-title">
            Filters
          </h2>
          <FilterPanel
            id={panelId}
            filters={filters}
            cities={cities}
            currencySymbol={currencySymbol}
            onChange={change}
          />
          <button
            type="button"
            className="btn btn-primary btn-block filters-done"
            onClick={() => setPanelOpen(false)}
          >
            {events.isPending ? 'Show events' : `Show ${total} ${total === 1 ? 'event' : 'events'}`}
          </button>
        </aside>

        <section className="search-results" aria-labelledby={`${panelId}-results`}>
          <h2 id={`${panelId}-results`} className="visually-hidden">
            Results
          </h2>
          <ActiveFilters
            params={params}
            filters={filters}
            typeLabel={typeLabel}
            formatPrice={(units) => money.format(Number(units))}
          />
          <Results
            events={events}
            page={filters.page}
            q={filters.q}
            filtered={narrowing > 0}
            params={params}
          />
        </section>
      </div>
    </div>
  );
}

function Results({
  events,
  page,
  q,
  filtered,
  params,
}: {
  events: ReturnType<typeof useEventSearch>;
  page: number;
  q: string;
  filtered: boolean;
  params: URLSearchParams;
}) {
  if (events.isPending) return <EventGridSkeleton count={8} />;
  if (events.isError) {
    return (
      <div className="stack">
        <ErrorAlert>{describeError(events.error)}</ErrorAlert>
        <p>
          <Link to="/events">Start a new search</Link>
        </p>
      </div>
    );
  }
  const { items, total, fuzzy } = events.data;
  if (items.length === 0 && page > 1 && !events.isPlaceholderData) {
    return (
      <EmptyState
        icon={<AlertIcon />}
        title="This page is past the last result"
        action={
          <Link className="btn" to={searchHref(withFilters(params, { page: '1' }))}>
            Back to page 1
          </Link>
        }
      />
    );
  }
  if (items.length === 0) {
    return q || filtered ? (
      <EmptyState
        icon={<SearchIcon />}
        title={q ? `Nothing matches “${q}”` : 'No events match these filters'}
        action={
          <Link className="btn" to="/events">
            Clear search and filters
          </Link>
        }
      >
        {filtered
          ? 'Try a wider date range, another city or a higher price limit — or remove a filter above.'
          : 'Check the spelling, or search for a film, artist, team, venue or city.'}
      </EmptyState>
    ) : (
      <EmptyState icon={<CalendarIcon />} title="The programme is being put together">
        No events are on sale yet. New films, concerts, matches and shows appear here as soon as organisers
        publish them.
      </EmptyState>
    );
  }
  return (
    <>
      {fuzzy && q ? (
        <div className="alert alert-info fuzzy-banner" role="status">
          <SearchIcon />
          <div>No exact matches for “{q}” — showing similar titles.</div>
        </div>
      ) : null}
      <EventGrid events={items} busy={events.isPlaceholderData} />
      <Pager params={params} page={page} pages={Math.ceil(total / PAGE_SIZE)} />
    </>
  );
}

/**
 * Suggestions for the city box. The API has no list of cities, so these are the cities of every
 * event list already fetched (this page, the home page), which covers where things are on.
 */
function useKnownCities(selected: string) {
  const client = useQueryClient();
  const lists = client.getQueriesData<EventsPageData>({ queryKey: ['events'] });
  const cities = new Set<string>();
  for (const [, page] of lists) for (const e of page?.items ?? []) for (const c of e.cities) cities.add(c);
  if (selected) cities.add(selected);
  return [...cities].sort((a, b) => a.localeCompare(b));
}
