import { Link } from 'react-router';
import { CheckIcon } from '../ui/icons.tsx';
import { type AdminSection, adminSections } from './sections.ts';

export function AdminSectionPage({ section }: { section: AdminSection['path'] }) {
  const s = adminSections.find((x) => x.path === section)!;
  return (
    <>
      <title>{`${s.title} · Admin · Ticketing`}</title>
      <header className="page-header">
        <p className="eyebrow">Admin</p>
        <h1>{s.title}</h1>
        <p className="lead">{s.summary}</p>
      </header>
      <section className="card admin-plan" aria-labelledby="plan-title">
        <div className="card-title">
          <h2 id="plan-title">What you will manage here</h2>
          <span className="badge badge-accent">In development</span>
        </div>
        <ul className="admin-capabilities">
          {s.capabilities.map((c) => (
            <li key={c}>
              <CheckIcon size={18} />
              {c}
            </li>
          ))}
        </ul>
        <p className="muted">
          Meanwhile, the <Link to="/admin">overview</Link> shows the health of the platform, and the{' '}
          <a href="/api/docs">API reference</a> lists every endpoint.
        </p>
      </section>
    </>
  );
}
