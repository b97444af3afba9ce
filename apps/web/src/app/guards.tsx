import type { Role } from '@ticketing/contracts';
import { Navigate, Outlet, useLocation } from 'react-router';
import { describeError } from '../api/client.ts';
import { useMe } from '../api/useMe.ts';
import { ErrorAlert, PageLoading } from '../ui/Feedback.tsx';
import { ForbiddenPage } from './ForbiddenPage.tsx';

/**
 * Route guard: nobody signed in → the log-in page, which sends the user back here afterwards;
 * signed in without the role → a 403 page (the URL stays, so the address bar tells what was refused).
 * The server checks every request again; this only decides what to show.
 */
export function RequireUser({ requiredRole: role }: { requiredRole?: Role | readonly Role[] }) {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <PageLoading label="Checking your session…" />;
  if (me.isError) {
    return (
      <div className="container page">
        <ErrorAlert>
          {describeError(me.error)}{' '}
          <button type="button" className="btn btn-sm" onClick={() => me.refetch()}>
            Try again
          </button>
        </ErrorAlert>
      </div>
    );
  }
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  const allowed = role === undefined ? null : typeof role === 'string' ? [role] : role;
  if (allowed && !allowed.includes(me.data.role)) return <ForbiddenPage role={allowed[0] ?? 'admin'} />;
  return <Outlet />;
}

export const RequireAdmin = () => <RequireUser requiredRole="admin" />;

/** The door: staff scan tickets, and admins can too. */
export const RequireStaff = () => <RequireUser requiredRole={['staff', 'admin']} />;
