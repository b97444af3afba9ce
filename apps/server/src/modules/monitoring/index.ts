/**
 * Monitoring: Prometheus `/metrics`, the admin dashboard's API, and the per-minute system window
 * shared between processes through the coordinator. How it works: docs/monitoring.md.
 *
 * ## Plugging a waiting room in: `registerQueueSource`
 *
 * The waiting room reports its figures by registering a source, once, after building the app:
 *
 * ```ts
 * app.monitoring.registerQueueSource(() => [
 *   { sessionId, waiting: 1200, admitted: 340, activeShoppers: 80, admissionRatePerMinute: 60 },
 * ]);
 * ```
 *
 * - The source is called on every scrape of /metrics and every dashboard refresh (a few seconds
 *   apart at most per viewer): return figures you already hold (counters, the published serving
 *   state), not the result of new database queries. It may be async; if it throws, the figures are
 *   left out and the error logged.
 * - One entry per session with a queue; sessions without one are simply absent. The figures are
 *   the deployment's (read from the coordinator), so every process reports the same.
 * - They become the gauges `ticketing_queue_waiting`, `ticketing_queue_admitted`,
 *   `ticketing_queue_active_shoppers` and `ticketing_queue_admission_rate_per_minute`
 *   (label `session_id`) and the dashboard's queue panel, shown whenever a source returns data.
 * - `registerQueueSource` returns a function that removes the source again.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import type { Coordinator } from '../../coord/port.ts';
import type { Database } from '../../db/client.ts';
import { adminScope } from '../../http/admin-scope.ts';
import { installHttpMetrics } from './http-hook.ts';
import { createMetrics } from './metrics.ts';
import { monitoringRepository } from './repository.ts';
import { metricsRoute, monitoringAdminRoutes } from './routes.ts';
import { monitoringService, type QueueSource } from './service.ts';
import { systemWindow } from './system-window.ts';

export type { QueueFigures } from '@ticketing/contracts';
export type { QueueSource } from './service.ts';

export type Monitoring = ReturnType<typeof createMonitoring>;

declare module 'fastify' {
  interface FastifyInstance {
    monitoring: Monitoring;
  }
}

/**
 * Builds the module; buildApp calls it first, so the request hook sees every route and the
 * services can report mail and job outcomes through `observe`.
 */
export function createMonitoring(deps: {
  config: Pick<Config, 'env' | 'metricsToken'>;
  database: Database;
  coord: Coordinator;
  log: FastifyBaseLogger;
}) {
  const onError = (err: unknown, context: string) => deps.log.warn({ err }, `monitoring: ${context}`);
  const window = systemWindow({ coord: deps.coord, onError });
  const service = monitoringService({ repo: monitoringRepository(deps.database.db), window, onError });
  const metrics = createMetrics({
    http: window.http,
    db: window.db,
    poolStats: () => deps.database.poolStats(),
    business: () => service.business(),
    queues: () => service.queues(),
  });

  const monitoring = {
    service,
    metrics,
    processId: window.processId,

    /** See the top of this file. */
    registerQueueSource: (source: QueueSource) => service.registerQueueSource(source),

    /** Hooks for the services built alongside (createTicketing's `observe`). */
    observe: {
      mail: (outcome: 'sent' | 'failed') => metrics.countMail(outcome),
      job: (queue: string, outcome: 'completed' | 'failed') => metrics.countJob(queue, outcome),
    },

    /** The series a route records into, for answers given outside Fastify (http/fast-polls.ts). */
    routeSeries: (method: string, url: string) => window.http.route(method, url),

    /** Publishes this process's figures for the other processes now instead of within 10 s. */
    flush: () => window.flush(),

    /** Right after creating the app, before any route: times requests and queries. */
    instrument(app: FastifyInstance) {
      installHttpMetrics(app, window.http);
      deps.database.observeQueries((ms, failed) => window.db.record(ms, failed));
    },

    /** /metrics, the admin API, and the window's timers for the app's lifetime. */
    register(app: FastifyInstance) {
      app.decorate('monitoring', monitoring);
      metricsRoute(app, {
        metrics,
        token: deps.config.metricsToken,
        production: deps.config.env === 'production',
      });
      adminScope(app, (admin) => monitoringAdminRoutes(admin, service));
      app.addHook('onReady', async () => window.start());
      app.addHook('onClose', async () => {
        // The last figures of a stopping process still count in the others' dashboards.
        await window.flush();
        window.stop();
        deps.database.observeQueries(null);
      });
    },
  };
  return monitoring;
}
