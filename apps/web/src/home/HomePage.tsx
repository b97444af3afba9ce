import { Link } from 'react-router';
import { describeError } from '../api/client.ts';
import { useEvents } from '../api/useEvents.ts';
import { EventCard, EventCardSkeleton } from '../events/EventCard.tsx';
import { featuredTypes } from '../events/eventTypes.tsx';
import { SearchForm } from '../events/SearchForm.tsx';
import { EmptyState, ErrorAlert } from '../ui/Feedback.tsx';
import { ArrowRightIcon, CalendarIcon, ClockIcon, SeatsIcon, TicketIcon } from '../ui/icons.tsx';
import { HeroTicket } from './HeroTicket.tsx';
import '../events/events.css';
import './home.css';

export function HomePage() {
  return (
    <>
      <title>Ticketing — movies, concerts, sports and theatre</title>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container hero-inner">
          <div className="hero-copy">
            <p className="hero-eyebrow">What’s on</p>
            <h1 id="hero-title">Your next night out starts here.</h1>
            <p className="hero-lead">
              Films, gigs, matches and shows in one place. Pick your exact seat, hold it while you pay, and
              get your tickets by email in seconds.
            </p>
            <SearchForm large />
            <nav className="hero-types" aria-label="Browse by type">
              {featuredTypes.map(({ key, label, Icon }) => (
                <Link key={key} className="chip chip-on-dark" to={`/events?type=${key}`}>
                  <Icon />
                  {label}
                </Link>
              ))}
            </nav>
          </div>
          <HeroTicket />
        </div>
      </section>

      <section className="container home-section" aria-labelledby="upcoming-title">
        <div className="section-head">
          <div>
            <p className="eyebrow">Coming up</p>
            <h2 id="upcoming-title">Upcoming events</h2>
          </div>
          <Link to="/events" className="section-link">
            All events <ArrowRightIcon size={16} />
          </Link>
        </div>
        <UpcomingEvents />
      </section>

      <section className="container home-section" aria-labelledby="promise-title">
        <h2 id="promise-title" className="visually-hidden">
          Why book with us
        </h2>
        <ul className="promises">
          <li>
            <ClockIcon />
            <h3>A fair queue for big on-sales</h3>
            <p>
              When a stadium show opens, everyone waits in one line with a real position and an honest ETA.
            </p>
          </li>
          <li>
            <SeatsIcon />
            <h3>The seat you pick is yours</h3>
            <p>Live seat maps show what is free right now. Your seats are held for you until you pay.</p>
          </li>
          <li>
            <TicketIcon />
            <h3>Tickets that just work</h3>
            <p>PDF tickets with a signed QR code by email, and cancellation within the organiser’s policy.</p>
          </li>
        </ul>
      </section>
    </>
  );
}

function UpcomingEvents() {
  const events = useEvents({ sort: 'date', pageSize: 8 });

  if (events.isPending) {
    return (
      <ul className="event-grid" aria-busy="true" aria-label="Loading events">
        {Array.from({ length: 4 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <li key={i}>
            <EventCardSkeleton />
          </li>
        ))}
      </ul>
    );
  }
  if (events.isError) {
    return <ErrorAlert>{describeError(events.error)}</ErrorAlert>;
  }
  if (events.data.items.length === 0) {
    return (
      <EmptyState icon={<CalendarIcon />} title="The programme is being put together">
        No events are on sale yet. New films, concerts, matches and shows appear here as soon as organisers
        publish them.
      </EmptyState>
    );
  }
  return (
    <ul className="event-grid">
      {events.data.items.map((event) => (
        <li key={event.id}>
          <EventCard event={event} />
        </li>
      ))}
    </ul>
  );
}
