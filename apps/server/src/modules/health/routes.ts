import { HealthResponse } from '@ticketing/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Coordinator } from '../../coord/port.ts';
import type { Database } from '../../db/client.ts';
import { APP_VERSION } from '../../lib/version.ts';

/**
 * Liveness plus the state of the parts behind it. Always 200 while the process can answer, so a
 * load balancer does not kill every node at once when the database blinks; `status` says degraded.
 */
export function healthRoutes(app: FastifyInstance, deps: { database: Database; coord: Coordinator }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness and component status',
        response: { 200: HealthResponse },
      },
    },
    async (_req, reply) => {
      const [db, coord] = await Promise.all([deps.database.ping(), deps.coord.ping()]);
      reply.header('cache-control', 'no-store');
      return {
        status: db.ok && coord.ok ? ('ok' as const) : ('degraded' as const),
        version: APP_VERSION,
        uptimeSeconds: Math.round(process.uptime()),
        db: { ...db, kind: deps.database.kind },
        coordinator: { ...coord, kind: deps.coord.kind },
      };
    },
  );
}
