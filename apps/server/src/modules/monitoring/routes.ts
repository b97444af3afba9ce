import { createHash, timingSafeEqual } from 'node:crypto';
import {
  CategorySales,
  CategorySalesQuery,
  MonitoringOverview,
  MonitoringPerformance,
  PerformanceQuery,
  RegistrationsQuery,
  RegistrationsSeries,
} from '@ticketing/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/responses.ts';
import { AppError } from '../../lib/errors.ts';
import type { Metrics } from './metrics.ts';
import type { MonitoringService } from './service.ts';

class MetricsTokenRequired extends AppError {
  constructor() {
    super(
      401,
      'METRICS_TOKEN_REQUIRED',
      'Not authorized',
      'Send the metrics token as "Authorization: Bearer <token>".',
    );
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares digests in constant time, so response timing does not reveal how much of a guess was right. */
function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? timingSafeEqual(digest(match[1]!), expected) : false;
}

/**
 * GET /metrics in the Prometheus text format. With a token configured it is required; in
 * production without one the route does not exist (business figures are not for everyone).
 */
export function metricsRoute(
  app: FastifyInstance,
  deps: { metrics: Metrics; token: string | null; production: boolean },
) {
  if (deps.production && !deps.token) {
    app.log.info('METRICS_TOKEN is not set: /metrics is off');
    return;
  }
  const expected = deps.token ? digest(deps.token) : null;
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (text format); needs the metrics token when one is configured',
        response: problemResponses(401),
      },
    },
    async (req, reply) => {
      if (expected && !bearerMatches(req.headers.authorization, expected)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new MetricsTokenRequired();
      }
      const body = await deps.metrics.text();
      return reply.type(deps.metrics.contentType).header('cache-control', 'no-store').send(body);
    },
  );
}

/** The admin dashboard's API; registered inside the admin scope (admins only, checked first). */
export function monitoringAdminRoutes(admin: FastifyInstance, monitoring: MonitoringService) {
  const r = admin.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin: monitoring'];
  const errors = problemResponses(400, 401, 403);
  const noStore = { 'cache-control': 'no-store' };

  r.get(
    '/api/admin/monitoring/overview',
    {
      schema: {
        tags,
        summary: 'Events and sessions with status, seats sold and held, revenue; platform totals and jobs',
        response: { 200: MonitoringOverview, ...errors },
      },
    },
    async (_req, reply) => {
      reply.headers(noStore);
      return monitoring.overview();
    },
  );

  r.get(
    '/api/admin/monitoring/registrations',
    {
      schema: {
        tags,
        summary: 'Orders placed, orders paid and tickets issued per minute, hour or day',
        querystring: RegistrationsQuery,
        response: { 200: RegistrationsSeries, ...errors },
      },
    },
    async (req, reply) => {
      reply.headers(noStore);
      return monitoring.registrations(req.query);
    },
  );

  r.get(
    '/api/admin/monitoring/categories',
    {
      schema: {
        tags,
        summary: 'Tickets sold and revenue per seating category',
        querystring: CategorySalesQuery,
        response: { 200: CategorySales, ...errors },
      },
    },
    async (req, reply) => {
      reply.headers(noStore);
      return monitoring.categorySales(req.query);
    },
  );

  r.get(
    '/api/admin/monitoring/performance',
    {
      schema: {
        tags,
        summary:
          'Latency percentiles, throughput, errors and event-loop lag per minute, every process together',
        querystring: PerformanceQuery,
        response: { 200: MonitoringPerformance, ...errors },
      },
    },
    async (req, reply) => {
      reply.headers(noStore);
      return monitoring.performance(req.query.minutes);
    },
  );
}
