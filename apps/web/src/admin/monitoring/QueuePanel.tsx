import type { MonitoringOverview, QueueFigures } from '@ticketing/contracts';
import { formatDateTime } from '../../ui/format.ts';
import { formatValue } from './chartOptions.ts';
import { integer } from './format.ts';

/** The waiting room per session, shown while it reports figures. */
export function QueuePanel({
  queues,
  overview,
}: {
  queues: QueueFigures[];
  overview: MonitoringOverview | undefined;
}) {
  const nameOf = (sessionId: string) => {
    for (const e of overview?.events ?? []) {
      const s = e.sessions.find((x) => x.id === sessionId);
      if (s) return { title: e.title, when: `${formatDateTime(s.startsAt)} · ${s.venueName}` };
    }
    return { title: sessionId, when: '' };
  };
  return (
    <section className="mon-panel" aria-labelledby="mon-queue" data-testid="queue-panel">
      <div className="mon-panel-head">
        <h2 id="mon-queue">Waiting room</h2>
      </div>
      <div className="admin-table-wrap">
        <table className="admin-table mon-table">
          <caption className="visually-hidden">People waiting, admitted and shopping per session</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col" className="num">
                Waiting
              </th>
              <th scope="col" className="num">
                Admitted
              </th>
              <th scope="col" className="num">
                Shopping
              </th>
              <th scope="col" className="num">
                Rate
              </th>
              <th scope="col" className="num">
                Est. wait
              </th>
            </tr>
          </thead>
          <tbody>
            {queues.map((q) => {
              const { title, when } = nameOf(q.sessionId);
              const minutes = q.admissionRatePerMinute > 0 ? q.waiting / q.admissionRatePerMinute : null;
              return (
                <tr key={q.sessionId}>
                  <td className="primary-cell">
                    <strong>{title}</strong>
                    <span className="muted">{when}</span>
                  </td>
                  <td className="num">{integer(q.waiting)}</td>
                  <td className="num">{integer(q.admitted)}</td>
                  <td className="num">{integer(q.activeShoppers)}</td>
                  <td className="num">{formatValue(q.admissionRatePerMinute)}/min</td>
                  <td className="num">{minutes === null ? '–' : `${formatValue(minutes)} min`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
