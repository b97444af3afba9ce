import type { ReactNode } from 'react';
import { Link } from 'react-router';
import './admin-ui.css';

/** The header of every admin page: where you are, what it is, and its main actions. */
export function PageHeader({
  eyebrow,
  title,
  lead,
  back,
  badges,
  actions,
}: {
  eyebrow: ReactNode;
  title: string;
  lead?: ReactNode;
  back?: { to: string; label: string };
  badges?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header admin-page-header">
      {back ? (
        <Link to={back.to} className="admin-back">
          ← {back.label}
        </Link>
      ) : null}
      <div className="admin-page-title">
        <div className="admin-page-heading">
          <p className="eyebrow">{eyebrow}</p>
          <h1>{title}</h1>
          {badges ? <div className="admin-badges">{badges}</div> : null}
        </div>
        {actions ? <div className="admin-actions">{actions}</div> : null}
      </div>
      {lead ? <p className="lead">{lead}</p> : null}
    </header>
  );
}
