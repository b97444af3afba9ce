import { Link, useSearchParams } from 'react-router';
import { describeError } from '../api/client.ts';
import { useEvents } from '../api/useEvents.ts';
import { EmptyState, ErrorAlert } from '../ui/Feedback.tsx';
import { CalendarIcon, GridIcon, SearchIcon } from '../ui/icons.tsx';
import { EventCard, EventCardSkeleton } from './EventCard.tsx';
import { featuredTypes } from './eventTypes.tsx';
import { SearchForm } from './SearchForm.tsx';
import './events.css';

const PAGE_SIZE = 12;

function hrefWith(params: URLSearchParams, changes: Record<string, string | null>) {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === '') next.delete(k);
    else next.set(k, v);
  }
  next.delete('page');
  const qs = next.toString();
  return qs ? `/events?${qs}` : '/events';
}

export function EventsPage() {
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const type = params.get('type') || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const events = useEvents({ q, type, page, pageSize: PAGE_SIZE, sort: q ? 'relevance' : 'date' });
  const typeLabel = featuredTypes.find((t) => t.key === type)?.label;
  const heading = typeLabel ?? 'All events';

  return (
    <div className="container page">
      <title>{`${q ? `“${q}” · ` : ''}${heading} · Ticketing`}</title>
      <header className="page-header">
        <p className="eyebrow">What’s on</p>
        <h1>{heading}</h1>
      </header>

      <div className="events-toolbar">
        <SearchForm key={q} defaultValue={q} type={type} />
        <nav className="chip-row" aria-label="Filter by type">
          <Link
            className="chip"
            to={hrefWith(params, { type: null })}
            aria-current={type ? undefined : 'true'}
          >
            <GridIcon />
            All
          </Link>
          {featuredTypes.map(({ key, label, Icon }) => (
            <Link
              key={key}
              className="chip"
              to={hrefWith(params, { type: key })}
              aria-current={type === key ? 'true' : undefined}
            >
              <Icon />
              {label}
            </Link>
          ))}
        </nav>
      </div>

      {events.isPending ? (
        <ul className="event-grid" aria-busy="true" aria-label="Loading events">
          {Array.from({ length: 8 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <li key={i}>
              <EventCardSkeleton />
            </li>
          ))}
        </ul>
      ) : events.isError ? (
        <ErrorAlert>{describeError(events.error)}</ErrorAlert>
      ) : events.data.items.length === 0 ? (
        q || type ? (
          <EmptyState
            icon={<SearchIcon />}
            title="Nothing matches yet"
            action={
              <Link className="btn" to="/events">
                Clear filters
              </Link>
            }
          >
            No {typeLabel?.toLowerCase() ?? 'events'} {q ? `match “${q}”` : 'are on sale right now'}. Try
            another search or browse everything that’s on.
          </EmptyState>
        ) : (
          <EmptyState icon={<CalendarIcon />} title="The programme is being put together">
            No events are on sale yet. New films, concerts, matches and shows appear here as soon as
            organisers publish them.
          </EmptyState>
        )
      ) : (
        <>
          <p className="results-summary" aria-live="polite">
            {events.data.total} {events.data.total === 1 ? 'event' : 'events'}
            {events.data.fuzzy && q ? ` — showing close matches for “${q}”` : ''}
          </p>
          <ul className="event-grid">
            {events.data.items.map((event) => (
              <li key={event.id}>
                <EventCard event={event} />
              </li>
            ))}
          </ul>
          <Pager params={params} page={page} pages={Math.ceil(events.data.total / PAGE_SIZE)} />
        </>
      )}
    </div>
  );
}

function Pager({ params, page, pages }: { params: URLSearchParams; page: number; pages: number }) {
  if (pages <= 1) return null;
  const to = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    return `/events?${next}`;
  };
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? (
        <Link className="btn btn-sm" to={to(page - 1)}>
          Previous
        </Link>
      ) : null}
      <span className="muted">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link className="btn btn-sm" to={to(page + 1)}>
          Next
        </Link>
      ) : null}
    </nav>
  );
}
