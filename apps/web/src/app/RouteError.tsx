import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { AlertIcon } from '../ui/icons.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/** Shown inside the shell when a page throws, so the header and navigation still work. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (import.meta.env.DEV) console.error(error);
  return (
    <div className="container page status-page">
      <title>Something went wrong · Ticketing</title>
      <div className="status-page-icon status-page-icon-danger">
        <AlertIcon size={32} />
      </div>
      <p className="status-code">Unexpected error</p>
      <h1>Something went wrong on this page</h1>
      <p className="lead">
        Reload to try again. If it keeps happening, tell us what you were doing when it broke.
      </p>
      <div className="status-page-actions">
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          Reload
        </button>
        <Link className="btn" to="/">
          Home
        </Link>
      </div>
    </div>
  );
}
