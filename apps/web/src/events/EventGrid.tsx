import type { EventSummary } from '@ticketing/contracts';
import { EventCard, EventCardSkeleton } from './EventCard.tsx';

export function EventGrid({ events, busy }: { events: EventSummary[]; busy?: boolean }) {
  return (
    <ul className="event-grid" aria-busy={busy || undefined} data-stale={busy || undefined}>
      {events.map((event) => (
        <li key={event.id}>
          <EventCard event={event} />
        </li>
      ))}
    </ul>
  );
}

export function EventGridSkeleton({ count }: { count: number }) {
  return (
    <ul className="event-grid" aria-busy="true" aria-label="Loading events">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <li key={i}>
          <EventCardSkeleton />
        </li>
      ))}
    </ul>
  );
}
