import type { HealthResponse } from '@ticketing/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { describeError } from '../api/client.ts';
import { useHealth } from '../api/useHealth.ts';
import { useMe } from '../api/useMe.ts';
import { ErrorAlert } from '../ui/Feedback.tsx';
import { formatUptime } from '../ui/format.ts';
import { ArrowRightIcon, ClockIcon, DatabaseIcon, ServerIcon, TicketIcon } from '../ui/icons.tsx';
import { adminSections } from './sections.ts';

type Component = HealthResponse['db'];

export function AdminOverviewPage() {
  const me = useMe();
  const health = useHealth();
  const firstName = me.data?.name.split(/\s+/)[0];

  return (
    <>
      <title>Admin overview · Ticketing</title>
      <header className="page-header">
        <p className="eyebrow">Overview</p>
        <h1>{firstName ? `Hello, ${firstName}` : 'Overview'}</h1>
        <p className="lead">The state of the platform right now, and where to go to run your events.</p>
      </header>

      <section aria-labelledby="health-title" className="admin-block">
        <div className="section-row">
          <h2 id="health-title">System health</h2>
          {health.data ? <StatusBadge ok={health.data.status === 'ok'} okText="All systems normal" /> : null}
        </div>
        {health.isPending ? (
          <div className="health-grid" aria-busy="true">
            {[0, 1, 2, 3].map((i) => (
              <div key={i} className="health-card skeleton" style={{ minHeight: '7.5rem' }} />
            ))}
          </div>
        ) : health.isError ? (
          <ErrorAlert>
            Health check failed: {describeError(health.error)} Retrying every 10 seconds.
          </ErrorAlert>
        ) : (
          <div className="health-grid">
            <ComponentCard title="Database" icon={<DatabaseIcon />} status={health.data.db} />
            <ComponentCard title="Coordinator" icon={<ServerIcon />} status={health.data.coordinator} />
            <Metric title="Uptime" icon={<ClockIcon />} value={formatUptime(health.data.uptimeSeconds)} />
            <Metric title="Version" icon={<TicketIcon />} value={health.data.version} mono />
          </div>
        )}
        <p className="muted admin-footnote" aria-live="off">
          Refreshes every 10 seconds
          {health.dataUpdatedAt ? ` · checked ${new Date(health.dataUpdatedAt).toLocaleTimeString()}` : ''}
        </p>
      </section>

      <section aria-labelledby="manage-title" className="admin-block">
        <h2 id="manage-title">Manage</h2>
        <ul className="admin-tiles">
          {adminSections.map((s) => (
            <li key={s.path}>
              <Link to={`/admin/${s.path}`} className="admin-tile">
                <strong>
                  {s.title} <ArrowRightIcon size={16} />
                </strong>
                <span className="muted">{s.summary}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function formatLatency(ms: number | undefined) {
  if (ms === undefined) return '—';
  if (ms < 0.1) return '< 0.1 ms';
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

function StatusBadge({ ok, okText = 'Healthy' }: { ok: boolean; okText?: string }) {
  return (
    <span className={`badge ${ok ? 'badge-success' : 'badge-danger'}`}>
      <span className="dot" aria-hidden="true" />
      {ok ? okText : 'Degraded'}
    </span>
  );
}

function ComponentCard({ title, icon, status }: { title: string; icon: ReactNode; status: Component }) {
  return (
    <div className="health-card">
      <div className="health-card-head">
        <span className="health-icon">{icon}</span>
        <h3>{title}</h3>
        <StatusBadge ok={status.ok} />
      </div>
      <dl className="health-facts">
        <div>
          <dt>Adapter</dt>
          <dd>{status.kind}</dd>
        </div>
        <div>
          <dt>Latency</dt>
          <dd>{formatLatency(status.latencyMs)}</dd>
        </div>
      </dl>
      {status.error ? <p className="health-error">{status.error}</p> : null}
    </div>
  );
}

function Metric({
  title,
  icon,
  value,
  mono,
}: {
  title: string;
  icon: ReactNode;
  value: string;
  mono?: boolean;
}) {
  return (
    <div className="health-card">
      <div className="health-card-head">
        <span className="health-icon">{icon}</span>
        <h3>{title}</h3>
      </div>
      <p className={`health-value${mono ? ' mono' : ''}`}>{value}</p>
    </div>
  );
}
