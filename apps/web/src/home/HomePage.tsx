import { Link } from 'react-router';
import { SearchForm } from '../events/SearchForm.tsx';
import { TypeChips } from '../events/TypeChips.tsx';
import { ArrowRightIcon, ClockIcon, SeatsIcon, TicketIcon } from '../ui/icons.tsx';
import { HeroTicket } from './HeroTicket.tsx';
import { PopularEvents, UpcomingEvents } from './HomeSections.tsx';
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
            <TypeChips label="Browse by type" hrefFor={(type) => `/events?type=${type}`} onDark />
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

      <PopularEvents />

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
