import { useEffect, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { useMe } from '../api/useMe.ts';
import { CloseIcon, MenuIcon } from '../ui/icons.tsx';
import { AccountMenu } from './AccountMenu.tsx';
import { Logo } from './Logo.tsx';

export function Header() {
  const me = useMe();
  const user = me.data;
  const location = useLocation();
  const [navOpen, setNavOpen] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the point of a navigation change
  useEffect(() => setNavOpen(false), [location.pathname]);

  // Sign-in links carry the current page so the user comes back to it.
  const here = location.pathname + location.search;
  const next = ['/login', '/signup', '/'].includes(location.pathname)
    ? ''
    : `?next=${encodeURIComponent(here)}`;

  return (
    <header className="site-header">
      <div className="container site-header-inner">
        <Logo />
        <nav id="site-nav" className="site-nav" aria-label="Main" data-open={navOpen}>
          <NavLink to="/events">Events</NavLink>
          <NavLink to="/tickets">My tickets</NavLink>
          {user?.role === 'admin' ? <NavLink to="/admin">Admin</NavLink> : null}
          {/* Phones have no room for "Sign in" beside "Sign up"; it lives in the menu there. */}
          {!me.isPending && !user ? (
            <NavLink to={`/login${next}`} className="show-narrow">
              Sign in
            </NavLink>
          ) : null}
        </nav>
        <div className="site-header-actions">
          {me.isPending ? (
            <span className="account-placeholder" aria-hidden="true" />
          ) : user ? (
            <AccountMenu user={user} />
          ) : (
            <>
              <Link className="btn btn-ghost btn-sm hide-narrow" to={`/login${next}`}>
                Sign in
              </Link>
              <Link className="btn btn-primary btn-sm" to={`/signup${next}`}>
                Sign up
              </Link>
            </>
          )}
          <button
            type="button"
            className="btn btn-ghost btn-sm nav-toggle"
            aria-expanded={navOpen}
            aria-controls="site-nav"
            onClick={() => setNavOpen((o) => !o)}
          >
            {navOpen ? <CloseIcon /> : <MenuIcon />}
            <span className="visually-hidden">Menu</span>
          </button>
        </div>
      </div>
    </header>
  );
}
