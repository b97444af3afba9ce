import type { Role } from '@ticketing/contracts';
import { Link } from 'react-router';
import { ShieldIcon } from '../ui/icons.tsx';

export function ForbiddenPage({ role }: { role: Role }) {
  return (
    <div className="container page status-page">
      <title>{role === 'staff' ? 'Staff only · Ticketing' : 'Admins only · Ticketing'}</title>
      <div className="status-page-icon">
        <ShieldIcon size={32} />
      </div>
      <p className="status-code">403 — {role === 'admin' ? 'admins only' : `${role} only`}</p>
      <h1>{role === 'staff' ? 'This area is for door staff' : 'This area is for administrators'}</h1>
      <p className="lead">
        Your account can buy tickets and manage its orders, but not{' '}
        {role === 'staff' ? 'check tickets in' : 'run events'}. If you should have access, ask an
        administrator to change your role.
      </p>
      <div className="status-page-actions">
        <Link className="btn btn-primary" to="/events">
          Browse events
        </Link>
        <Link className="btn" to="/account">
          Your account
        </Link>
      </div>
    </div>
  );
}
