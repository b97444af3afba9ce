import type { MonitoringPerformance } from '@ticketing/contracts';
import { useMemo } from 'react';
import { formatValue, PALETTE, timeOptions } from './chartOptions.ts';
import { integer, percent } from './format.ts';
import { UPlotChart } from './UPlotChart.tsx';

const LATENCY = [
  { label: 'p50', color: PALETTE[2], unit: ' ms' },
  { label: 'p95', color: PALETTE[1], unit: ' ms' },
  { label: 'p99', color: PALETTE[4], unit: ' ms' },
];
const THROUGHPUT = [
  { label: 'Requests/s', color: PALETTE[0] },
  { label: '5xx/s', color: PALETTE[4] },
  { label: '4xx/s', color: PALETTE[1], dash: [4, 4] },
];
const LOOP = [
  { label: 'Event-loop p99', color: PALETTE[0], unit: ' ms' },
  { label: 'max', color: PALETTE[4], unit: ' ms', dash: [4, 4] },
  { label: 'DB query p95', color: PALETTE[3], unit: ' ms' },
];

/** Latency percentiles, throughput, errors and event-loop lag of every server process, per minute. */
export function PerformancePanel({ perf }: { perf: MonitoringPerformance }) {
  const data = useMemo(() => {
    const m = perf.minutes;
    const x = m.map((p) => Date.parse(p.t) / 1000);
    // A minute no process reported is unknown, not zero.
    const rate = (n: number, p: (typeof m)[number]) =>
      p.processes > 0 && p.seconds > 0 ? n / p.seconds : null;
    return {
      latency: [x, m.map((p) => p.p50Ms), m.map((p) => p.p95Ms), m.map((p) => p.p99Ms)],
      throughput: [
        x,
        m.map((p) => rate(p.requests, p)),
        m.map((p) => rate(p.errors5xx, p)),
        m.map((p) => rate(p.errors4xx, p)),
      ],
      loop: [x, m.map((p) => p.loopP99Ms), m.map((p) => p.loopMaxMs), m.map((p) => p.dbP95Ms)],
    } as Record<'latency' | 'throughput' | 'loop', [number[], ...(number | null)[][]]>;
  }, [perf]);

  const last = perf.minutes.findLast((m) => m.requests > 0);
  const total = perf.minutes.reduce((n, m) => n + m.requests, 0);
  const errors = perf.minutes.reduce((n, m) => n + m.errors5xx, 0);

  return (
    <section className="mon-panel" aria-labelledby="mon-performance">
      <div className="mon-panel-head">
        <h2 id="mon-performance">System performance</h2>
        <p className="mon-totals" data-testid="performance-summary">
          {perf.processes} {perf.processes === 1 ? 'process' : 'processes'} · {integer(total)} requests in{' '}
          {perf.minutes.length} min · {percent(errors, total)} server errors
          {last ? ` · last minute p95 ${formatValue(last.p95Ms, ' ms')}` : ''}
        </p>
      </div>
      <div className="mon-grid">
        <figure className="mon-figure">
          <figcaption>Latency</figcaption>
          <UPlotChart
            label="Request latency percentiles per minute"
            shapeKey="latency"
            options={timeOptions(LATENCY, { yLabel: 'ms' })}
            data={data.latency}
          />
        </figure>
        <figure className="mon-figure">
          <figcaption>Throughput and errors</figcaption>
          <UPlotChart
            label="Requests and errors per second, per minute"
            shapeKey="throughput"
            options={timeOptions(THROUGHPUT, { yLabel: 'per second' })}
            data={data.throughput}
          />
        </figure>
        <figure className="mon-figure">
          <figcaption>Event loop and database</figcaption>
          <UPlotChart
            label="Event-loop delay and database query time per minute"
            shapeKey="loop"
            options={timeOptions(LOOP, { yLabel: 'ms' })}
            data={data.loop}
          />
        </figure>
      </div>
      <div className="admin-table-wrap">
        <table className="admin-table mon-table" data-testid="route-table">
          <caption className="visually-hidden">Latency and throughput per route over the window</caption>
          <thead>
            <tr>
              <th scope="col">Route</th>
              <th scope="col" className="num">
                Requests
              </th>
              <th scope="col" className="num">
                p50
              </th>
              <th scope="col" className="num">
                p95
              </th>
              <th scope="col" className="num">
                p99
              </th>
              <th scope="col" className="num">
                Errors
              </th>
            </tr>
          </thead>
          <tbody>
            {perf.routes.slice(0, 15).map((r) => (
              <tr key={`${r.method} ${r.route}`}>
                <td>
                  <code className="mon-route">
                    <span className="mon-method">{r.method}</span> {r.route}
                  </code>
                </td>
                <td className="num">
                  {integer(r.requests)}
                  <span className="cell-note">{r.perSecond > 0 ? formatValue(r.perSecond) : '<0.01'}/s</span>
                </td>
                <td className="num">{formatValue(r.p50Ms, ' ms')}</td>
                <td className="num">{formatValue(r.p95Ms, ' ms')}</td>
                <td className="num">{formatValue(r.p99Ms, ' ms')}</td>
                <td className="num" data-bad={r.errors5xx > 0 || undefined}>
                  {r.errors5xx > 0 ? `${integer(r.errors5xx)} 5xx` : '–'}
                  {r.errors4xx > 0 ? <span className="cell-note">{integer(r.errors4xx)} 4xx</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
