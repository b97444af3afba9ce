import { useState } from 'react';
import { describeError } from '../api/client.ts';
import { ErrorAlert, PageLoading } from '../ui/Feedback.tsx';
import { CategorySalesPanel } from './monitoring/CategorySalesPanel.tsx';
import { EventStatusPanel } from './monitoring/EventStatusPanel.tsx';
import { clockTime } from './monitoring/format.ts';
import { PerformancePanel } from './monitoring/PerformancePanel.tsx';
import { QueuePanel } from './monitoring/QueuePanel.tsx';
import { RegistrationsPanel } from './monitoring/RegistrationsPanel.tsx';
import { useMinuteClock } from './monitoring/useMinuteClock.ts';
import { LIVE_MS, useMonitoringOverview, usePerformance } from './monitoring/useMonitoring.ts';
import './monitoring/monitoring.css';
import { PageHeader } from './shared/PageHeader.tsx';

/** The admin's live view of the platform: sales, registrations over time and system health. */
export function MonitoringPage() {
  const [live, setLive] = useState(true);
  const now = useMinuteClock(live);
  const overview = useMonitoringOverview(live);
  const perf = usePerformance(60, live);
  const updated = overview.dataUpdatedAt ? new Date(overview.dataUpdatedAt).toISOString() : null;

  return (
    <>
      <title>Monitoring · Admin · Ticketing</title>
      <PageHeader
        eyebrow="Admin"
        title="Monitoring"
        lead="Event status, registrations over time and system performance, from the database and every server process."
        actions={
          <div className="mon-live">
            <label className="mon-switch">
              <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
              <span>Live{live ? ` (every ${LIVE_MS / 1000} s)` : ''}</span>
            </label>
            {updated ? (
              <span className="muted" aria-live="polite">
                Updated {clockTime(updated)}
              </span>
            ) : null}
          </div>
        }
      />
      {perf.data && perf.data.queues.length > 0 ? (
        <QueuePanel queues={perf.data.queues} overview={overview.data} />
      ) : null}
      {overview.isPending ? (
        <PageLoading label="Loading events…" />
      ) : overview.isError ? (
        <ErrorAlert>{describeError(overview.error)}</ErrorAlert>
      ) : (
        <EventStatusPanel overview={overview.data} />
      )}
      <RegistrationsPanel overview={overview.data} live={live} now={now} />
      <CategorySalesPanel overview={overview.data} live={live} />
      {perf.isError ? <ErrorAlert>{describeError(perf.error)}</ErrorAlert> : null}
      {perf.data ? (
        <PerformancePanel perf={perf.data} />
      ) : perf.isPending ? (
        <PageLoading label="Loading figures…" />
      ) : null}
    </>
  );
}
