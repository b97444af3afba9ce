import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './app.ts';
import { fastPolls } from './http/fast-polls.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerProblemHandlers, serverInstance } from './http/server.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { waitingRoomRepository } from './modules/waiting-room/repository.ts';
import { waitingRoomPollRoutes } from './modules/waiting-room/routes.ts';
import { waitingRoomService } from './modules/waiting-room/service.ts';
import { waitingRoomTokens } from './modules/waiting-room/tokens.ts';

/**
 * The queue edge: a process that serves only what every waiting person polls, the queue status
 * and the public serving state (and health checks for the load balancer). On an on-sale those
 * polls outnumber every other request by far, and they need nothing but the signed token and the
 * room as the admission leader last published it, so a load balancer can send
 * `/api/sessions/:id/queue/status` and `/queue/serving` to processes that load nothing else:
 * no other routes, jobs, timers, login cache or monitoring. What that buys is isolation, not a
 * cheaper poll: a flood of pollers then never takes CPU from the processes that hold seats and
 * take payments, and the two scale apart. (Measured, a poll costs about the same server CPU here
 * as in a full process that has just started; docs/BENCHMARKS.md.)
 *
 * It follows the rooms through the coordinator like any process and never leads one (the full
 * processes elect the admission leaders); the database is read only for a room nobody has
 * published yet. The answers are the main app's, from the same service and routes.
 */
export async function buildQueueEdge(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database, coord } = deps;
  const { app, setFastPath } = serverInstance(config, deps.logger);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const headers = registerSecurityHeaders(app, config);
  registerProblemHandlers(app);

  const repo = waitingRoomRepository(database.db);
  const waitingRoom = waitingRoomService({
    coord,
    repo,
    tokens: waitingRoomTokens(config.appSecret ?? 'unset'),
    findSession: repo.sessionFacts,
    saveOutflow: async () => {
      throw new Error('the queue edge does not change settings');
    },
    onError: (err, context) => app.log.warn({ err }, `waiting room: ${context}`),
  });
  waitingRoomPollRoutes(app, { waitingRoom });
  healthRoutes(app, { database, coord });
  setFastPath(
    fastPolls({
      statusJsonAt: (url, idAt, tokenAt, ip) => waitingRoom.statusJsonAt(url, idAt, tokenAt, ip),
      trustProxy: config.trustProxy,
      headers: headers.api,
    }),
  );

  let stop: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    stop = await waitingRoom.start({ lead: false });
  });
  app.addHook('onClose', async () => {
    await stop?.();
  });
  return app;
}
