import { Link, useNavigate } from 'react-router';
import { describeError } from '../api/client.ts';
import { useLogout } from '../api/useLogout.ts';
import { useMe } from '../api/useMe.ts';
import { initials } from '../app/AccountMenu.tsx';
import { ErrorAlert } from '../ui/Feedback.tsx';
import { formatLongDate } from '../ui/format.ts';
import { LogOutIcon, ShieldIcon, TicketIcon } from '../ui/icons.tsx';
import './account.css';

const roleLabels = { user: 'Member', staff: 'Staff', admin: 'Administrator' } as const;

export function AccountPage() {
  const user = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  // RequireUser renders this page only once the user is known; null is the instant after sign-out.
  if (!user) return null;

  return (
    <div className="container page account-page">
      <title>Your account · Ticketing</title>
      <header className="account-hero">
        <span className="avatar avatar-lg" aria-hidden="true">
          {initials(user.name)}
        </span>
        <div>
          <p className="eyebrow">Your account</p>
          <h1>{user.name}</h1>
          <p className="muted">Your profile, tickets and session.</p>
        </div>
      </header>

      <div className="account-grid">
        <section className="card" aria-labelledby="profile-title">
          <div className="card-title">
            <h2 id="profile-title">Profile</h2>
          </div>
          <dl className="details">
            <div>
              <dt>Name</dt>
              <dd>{user.name}</dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>{user.email}</dd>
            </div>
            <div>
              <dt>Role</dt>
              <dd>
                <span className={`badge ${user.role === 'user' ? '' : 'badge-accent'}`}>
                  {roleLabels[user.role]}
                </span>
              </dd>
            </div>
            <div>
              <dt>Member since</dt>
              <dd>
                <time dateTime={user.createdAt}>{formatLongDate(user.createdAt)}</time>
              </dd>
            </div>
          </dl>
        </section>

        <div className="account-side">
          <section className="card account-links" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title" className="visually-hidden">
              Shortcuts
            </h2>
            <Link to="/tickets" className="account-link">
              <TicketIcon />
              <span>
                <strong>My tickets</strong>
                <span className="muted">Upcoming and past orders</span>
              </span>
            </Link>
            {user.role === 'admin' ? (
              <Link to="/admin" className="account-link">
                <ShieldIcon />
                <span>
                  <strong>Admin</strong>
                  <span className="muted">Events, venues and monitoring</span>
                </span>
              </Link>
            ) : null}
          </section>

          <section className="card" aria-labelledby="session-title">
            <h2 id="session-title">Session</h2>
            <p className="muted account-session-text">Signing out ends this session on this device.</p>
            <div aria-live="polite">
              {logout.isError ? <ErrorAlert>{describeError(logout.error)}</ErrorAlert> : null}
            </div>
            <button
              type="button"
              className="btn btn-danger"
              disabled={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/') })}
            >
              <LogOutIcon size={18} />
              Sign out
            </button>
          </section>
        </div>
      </div>
    </div>
  );
}
