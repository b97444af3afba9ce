import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../ui/Feedback.tsx';
import { ActivityIcon, CalendarIcon, GridIcon, SeatsIcon, TicketIcon } from '../ui/icons.tsx';
import { type AdminSection, adminSections } from './sections.ts';
import './admin.css';

const icons: Record<AdminSection['path'], typeof GridIcon> = {
  events: TicketIcon,
  venues: SeatsIcon,
  sessions: CalendarIcon,
  monitoring: ActivityIcon,
};

export function AdminLayout() {
  const { pathname } = useLocation();
  const nav = useRef<HTMLElement>(null);

  // On phones the side nav is a scrolling tab strip: keep the current section's tab in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run on every section change
  useEffect(() => {
    nav.current?.querySelector('a.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);

  return (
    <div className="container admin">
      <aside className="admin-aside">
        <p className="admin-aside-title" id="admin-nav-title">
          Admin
        </p>
        <nav ref={nav} aria-labelledby="admin-nav-title">
          <ul>
            <li>
              <NavLink to="/admin" end>
                <GridIcon size={18} />
                Overview
              </NavLink>
            </li>
            {adminSections.map(({ path, title }) => {
              const Icon = icons[path];
              return (
                <li key={path}>
                  <NavLink to={`/admin/${path}`}>
                    <Icon size={18} />
                    {title}
                  </NavLink>
                </li>
              );
            })}
          </ul>
        </nav>
      </aside>
      <div className="admin-content">
        {/* Pages are loaded on first visit (routes.tsx); later visits switch without this fallback. */}
        <Suspense fallback={<PageLoading label="Loading…" />}>
          <Outlet />
        </Suspense>
      </div>
    </div>
  );
}
