import { Link } from 'react-router';
import { describeError } from '../api/client.ts';
import { useEventSearch } from '../api/useEventSearch.ts';
import { EventGrid, EventGridSkeleton } from '../events/EventGrid.tsx';
import { EmptyState, ErrorAlert } from '../ui/Feedback.tsx';
import { ArrowRightIcon, CalendarIcon } from '../ui/icons.tsx';

export function UpcomingEvents() {
  const events = useEventSearch({ sort: 'date', pageSize: 8 });

  if (events.isPending) return <EventGridSkeleton count={4} />;
  if (events.isError) return <ErrorAlert>{describeError(events.error)}</ErrorAlert>;
  if (events.data.items.length === 0) {
    return (
      <EmptyState icon={<CalendarIcon />} title="The programme is being put together">
        No events are on sale yet. New films, concerts, matches and shows appear here as soon as organisers
        publish them.
      </EmptyState>
    );
  }
  return <EventGrid events={events.data.items} />;
}

/**
 * The events selling best. Until something has sold this would repeat "Upcoming" card for card
 * (popularity falls back to date order), so the section only appears once there are sales to rank.
 */
export function PopularEvents() {
  const events = useEventSearch({ sort: 'popularity', pageSize: 4 });
  const selling = events.data?.items.filter((e) => e.soldRatio > 0) ?? [];
  if (selling.length === 0) return null;

  return (
    <section className="container home-section" aria-labelledby="popular-title">
      <div className="section-head">
        <div>
          <p className="eyebrow">Selling now</p>
          <h2 id="popular-title">Popular right now</h2>
        </div>
        <Link to="/events?sort=popularity" className="section-link">
          More popular events <ArrowRightIcon size={16} />
        </Link>
      </div>
      <EventGrid events={selling} />
    </section>
  );
}
