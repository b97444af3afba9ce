import { HealthResponse, ReadyResponse } from '@ticketing/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Coordinator } from '../../coord/port.ts';
import type { Database } from '../../db/client.ts';
import { problem, sendProblem } from '../../http/problem.ts';
import { problemResponses } from '../../http/responses.ts';
import { APP_VERSION } from '../../lib/version.ts';

// A load balancer gives up on a check after a few seconds: answer "not ready" well before that.
const CHECK_TIMEOUT_MS = 2_000;

type Check = { ok: boolean; latencyMs: number; error?: string };

async function withTimeout(check: () => Promise<Check>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  const timeout = new Promise<Check>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({ ok: false, latencyMs: CHECK_TIMEOUT_MS, error: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
      CHECK_TIMEOUT_MS,
    );
  });
  const run = check().catch((err: Error) => ({
    ok: false,
    latencyMs: Math.round(performance.now() - started),
    error: err.message,
  }));
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Liveness (/api/health) and readiness (/api/ready).
 *
 * Liveness is always 200 while the process can answer, so a load balancer does not kill every
 * node at once when the database blinks; `status` says degraded. Readiness is 503 until this
 * process can take traffic (database and coordinator answer, job runner started if it has one) and whenever it
 * cannot: the load balancer stops sending it requests, nobody restarts it.
 */
export function healthRoutes(
  app: FastifyInstance,
  /** The job runner, on processes that have one (the queue edge has none). */
  deps: { database: Database; coord: Coordinator; jobs?: { isStarted(): boolean } },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
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

  r.get(
    '/api/ready',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness for traffic: database, coordinator and job runner (503 problem when not ready)',
        response: { 200: ReadyResponse, ...problemResponses(503) },
      },
    },
    async (req, reply) => {
      const [db, coord] = await Promise.all([
        withTimeout(() => deps.database.ping()),
        withTimeout(() => deps.coord.ping()),
      ]);
      const jobsStarted = deps.jobs?.isStarted() ?? true;
      const checks = {
        db: { ...db, kind: deps.database.kind },
        coordinator: { ...coord, kind: deps.coord.kind },
        ...(deps.jobs && {
          jobs: {
            ok: jobsStarted,
            kind: 'pg-boss',
            ...(jobsStarted ? {} : { error: 'the job runner is not started' }),
          },
        }),
      };
      reply.header('cache-control', 'no-store');
      if (db.ok && coord.ok && jobsStarted) return { status: 'ready' as const, checks };
      const failing = Object.entries(checks)
        .filter(([, c]) => !c.ok)
        .map(([name]) => name);
      return sendProblem(
        reply,
        problem(req, 503, 'NOT_READY', 'Not ready', `Not ready: ${failing.join(', ')} failing.`, { checks }),
      );
    },
  );
}
