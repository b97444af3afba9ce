import type { MonitoringOverview } from '@ticketing/contracts';
import { useMemo, useState } from 'react';
import { describeError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { categoryOptions, PALETTE } from './chartOptions.ts';
import { integer, moneyList } from './format.ts';
import { type Scope, ScopePicker } from './ScopePicker.tsx';
import { UPlotChart } from './UPlotChart.tsx';
import { useCategorySales } from './useMonitoring.ts';

/** Tickets sold (not cancelled) and revenue per seating category. */
export function CategorySalesPanel({
  overview,
  live,
}: {
  overview: MonitoringOverview | undefined;
  live: boolean;
}) {
  const [scope, setScope] = useState<Scope>({});
  const query = useCategorySales(scope, live);
  const items = query.data?.items ?? [];
  const labels = items.map((i) => i.label);
  const data = useMemo(
    () => [items.map((_, i) => i), items.map((i) => i.tickets)] as [number[], number[]],
    [items],
  );
  return (
    <section className="mon-panel" aria-labelledby="mon-categories">
      <div className="mon-panel-head">
        <h2 id="mon-categories">Sales by seating category</h2>
      </div>
      <div className="mon-toolbar">
        <ScopePicker overview={overview} scope={scope} onChange={setScope} />
      </div>
      {query.isError ? <ErrorAlert>{describeError(query.error)}</ErrorAlert> : null}
      {query.isSuccess && items.length === 0 ? (
        <p className="muted mon-note">No tickets sold yet{scope.eventId ? ' for this selection' : ''}.</p>
      ) : (
        <div className="mon-split">
          <UPlotChart
            label="Tickets sold per seating category"
            shapeKey={`categories-${labels.join('|')}`}
            options={categoryOptions(labels, { label: 'Tickets', color: PALETTE[3] })}
            data={data}
            height={220}
          />
          <div className="admin-table-wrap">
            <table className="admin-table mon-table">
              <caption className="visually-hidden">Tickets and revenue per category</caption>
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col" className="num">
                    Tickets
                  </th>
                  <th scope="col" className="num">
                    Revenue
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.category}>
                    <td>
                      <span
                        className="mon-swatch"
                        style={{ background: i.color ?? '#9a98a8' }}
                        aria-hidden="true"
                      />
                      {i.label}
                    </td>
                    <td className="num">{integer(i.tickets)}</td>
                    <td className="num">{moneyList(i.revenue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
