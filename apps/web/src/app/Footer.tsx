import { Link } from 'react-router';
import { useDevMailbox } from '../api/tickets/useDevMailbox.ts';
import { Logo } from './Logo.tsx';

export function Footer() {
  // Shown only where the dev mailbox answers: a developer's machine with the local outbox.
  const devMailbox = useDevMailbox();
  return (
    <footer className="site-footer">
      <div className="container site-footer-inner">
        <div className="site-footer-brand">
          <Logo tone="light" />
          <p>
            Tickets for movies, concerts, sports and theatre. Fair queues, live seat maps, no double bookings.
          </p>
        </div>
        <nav aria-label="Footer">
          <h2>Explore</h2>
          <ul>
            <li>
              <Link to="/events">All events</Link>
            </li>
            <li>
              <Link to="/tickets">My tickets</Link>
            </li>
            <li>
              <Link to="/account">Account</Link>
            </li>
          </ul>
        </nav>
        <nav aria-label="Developers">
          <h2>Developers</h2>
          <ul>
            <li>
              <a href="/api/docs">API reference</a>
            </li>
            <li>
              <a href="/api/health">Service status</a>
            </li>
            {devMailbox.isSuccess ? (
              <li>
                <Link to="/dev/mailbox">Dev mailbox</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
      <div className="container site-footer-legal">
        <p>© {new Date().getFullYear()} Ticketing · Open source under the MIT licence</p>
      </div>
    </footer>
  );
}
