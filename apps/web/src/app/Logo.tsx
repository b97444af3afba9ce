import { Link } from 'react-router';

export function Logo({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  return (
    <Link to="/" className={`logo logo-${tone}`} aria-label="Ticketing home">
      <svg
        className="logo-mark"
        viewBox="0 0 32 32"
        width="32"
        height="32"
        aria-hidden="true"
        focusable="false"
      >
        <rect width="32" height="32" rx="8" fill="var(--accent)" />
        <path
          d="M7 11a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v2.2a2.8 2.8 0 0 0 0 5.6V21a2 2 0 0 1-2 2H9a2 2 0 0 1-2-2v-2.2a2.8 2.8 0 0 0 0-5.6z"
          fill="#fff"
        />
        <path d="M19 10.5v11" stroke="var(--accent)" strokeWidth="1.6" strokeDasharray="1.6 1.8" />
      </svg>
      <span className="logo-word">Ticketing</span>
    </Link>
  );
}
