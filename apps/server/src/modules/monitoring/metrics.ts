import type { QueueFigures } from '@ticketing/contracts';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { PoolStats } from '../../db/client.ts';
import { registerRecordedHistogram } from './recorded-histogram.ts';
import type { HttpRecorder, TimingRecorder } from './recorder.ts';

/**
 * The Prometheus registry of one app. Metric names are listed in docs/monitoring.md and used by
 * deploy/grafana/ticketing.json: rename one there too.
 *
 * - Process figures (CPU, heap, GC, event-loop lag: prom-client's default metrics) exist once per
 *   process and are merged in at scrape time, so tests that build many apps in one process do not
 *   register them twice.
 * - Request and query timings come from our own recorders (recorder.ts): see recorded-histogram.ts.
 * - Business figures (holds, orders, tickets, jobs) are read from the database when scraped,
 *   through the service's short cache; they are the same from every process, so aggregate them
 *   with max(), not sum().
 */

export type BusinessFigures = {
  holdsActive: number;
  seatsHeld: number;
  ordersByStatus: Record<string, number>;
  ticketsByStatus: Record<string, number>;
  jobs: { queue: string; queued: number; active: number; failed: number }[];
};

let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createMetrics(deps: {
  http: HttpRecorder;
  db: TimingRecorder;
  poolStats: () => PoolStats | null;
  /** null when the database could not be read (the scrape still answers, with db up = 0). */
  business: () => Promise<BusinessFigures | null>;
  queues: () => Promise<QueueFigures[]>;
}) {
  const registry = new Registry();
  const registers = [registry];

  registerRecordedHistogram(registry, {
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route pattern and status code',
    *series() {
      for (const route of deps.http.all())
        for (const s of route.byStatus)
          yield {
            labels: { method: route.method, route: route.route, status_code: s.status },
            buckets: s.buckets,
          };
    },
  });
  new Counter({
    name: 'http_event_streams_total',
    help: 'Server-sent event streams opened and since closed (not timed: they stay open for minutes)',
    labelNames: ['route'],
    registers,
    collect() {
      this.reset();
      for (const route of deps.http.routes)
        if (!route.timed && route.streams > 0) this.inc({ route: route.route }, route.streams);
    },
  });

  registerRecordedHistogram(registry, {
    name: 'ticketing_db_query_duration_seconds',
    help: 'Database query time seen by this process (pool or PGlite queueing included)',
    series: () => [
      { labels: { outcome: 'ok' }, buckets: deps.db.total.ok },
      { labels: { outcome: 'error' }, buckets: deps.db.total.failed },
    ],
  });
  new Gauge({
    name: 'ticketing_db_pool_connections',
    help: 'PostgreSQL pool connections of this process: total, idle, waiting (requests queued for one) and max',
    labelNames: ['state'],
    registers,
    collect() {
      const s = deps.poolStats();
      if (!s) return;
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
      this.set({ state: 'max' }, s.max);
    },
  });

  const jobAttempts = new Counter({
    name: 'ticketing_job_attempts_total',
    help: 'Job attempts finished by this process, by queue and outcome',
    labelNames: ['queue', 'outcome'],
    registers,
  });
  const emails = new Counter({
    name: 'ticketing_emails_total',
    help: 'Ticket emails this process handed to the relay (sent) or failed to (failed)',
    labelNames: ['outcome'],
    registers,
  });
  emails.inc({ outcome: 'sent' }, 0);
  emails.inc({ outcome: 'failed' }, 0);

  // Each business gauge reads the same cached figures; only the first scrape in a while queries.
  const businessGauge = (
    name: string,
    help: string,
    labelNames: string[],
    fill: (g: Gauge, b: BusinessFigures) => void,
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        this.reset();
        const b = await deps.business();
        if (b) fill(this, b);
      },
    });
  new Gauge({
    name: 'ticketing_monitoring_db_up',
    help: '1 when the last scrape could read the business figures from the database',
    registers,
    async collect() {
      this.set((await deps.business()) ? 1 : 0);
    },
  });
  businessGauge('ticketing_holds_active', 'Live seat holds (all processes)', [], (g, b) =>
    g.set(b.holdsActive),
  );
  businessGauge('ticketing_seats_held', 'Seats and standing places in live holds', [], (g, b) =>
    g.set(b.seatsHeld),
  );
  businessGauge('ticketing_orders', 'Orders by status', ['status'], (g, b) => {
    for (const [status, n] of Object.entries(b.ordersByStatus)) g.set({ status }, n);
  });
  businessGauge('ticketing_tickets', 'Tickets by status', ['status'], (g, b) => {
    for (const [status, n] of Object.entries(b.ticketsByStatus)) g.set({ status }, n);
  });
  businessGauge(
    'ticketing_jobs',
    'Jobs in the queue by state: queued, active, failed',
    ['queue', 'state'],
    (g, b) => {
      for (const j of b.jobs) {
        g.set({ queue: j.queue, state: 'queued' }, j.queued);
        g.set({ queue: j.queue, state: 'active' }, j.active);
        g.set({ queue: j.queue, state: 'failed' }, j.failed);
      }
    },
  );

  const queueGauge = (name: string, help: string, pick: (q: QueueFigures) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['session_id'],
      registers,
      async collect() {
        this.reset();
        for (const q of await deps.queues()) this.set({ session_id: q.sessionId }, pick(q));
      },
    });
  queueGauge('ticketing_queue_waiting', 'People waiting in the waiting room, per session', (q) => q.waiting);
  queueGauge(
    'ticketing_queue_admitted',
    'People admitted from the waiting room so far, per session',
    (q) => q.admitted,
  );
  queueGauge(
    'ticketing_queue_active_shoppers',
    'Admitted people shopping now, per session',
    (q) => q.activeShoppers,
  );
  queueGauge(
    'ticketing_queue_admission_rate_per_minute',
    'Current admission rate of the waiting room, per session',
    (q) => q.admissionRatePerMinute,
  );

  return {
    registry,
    contentType: registry.contentType,
    countMail: (outcome: 'sent' | 'failed') => emails.inc({ outcome }),
    countJob: (queue: string, outcome: 'completed' | 'failed') => jobAttempts.inc({ queue, outcome }),
    /** The text exposition of this app's and this process's metrics. */
    text: () => Registry.merge([processMetrics(), registry]).metrics(),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
