import { createHmac } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyBaseLogger, FastifyInstance, FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { pino } from 'pino';
import type { Config } from './config.ts';
import type { Coordinator } from './coord/port.ts';
import type { Database } from './db/client.ts';
import { adminScope } from './http/admin-scope.ts';
import { registerAuth } from './http/auth.ts';
import { fastJoins, JOIN_ROUTE } from './http/fast-joins.ts';
import { fastPolls, STATUS_ROUTE } from './http/fast-polls.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerProblemHandlers, serverInstance } from './http/server.ts';
import { registerWeb, sendSpa, wantsSpa } from './http/web.ts';
import { APP_VERSION } from './lib/version.ts';
import { accountsRepository } from './modules/accounts/repository.ts';
import { accountsRoutes } from './modules/accounts/routes.ts';
import { accountsService } from './modules/accounts/service.ts';
import { bookingRepository } from './modules/booking/repository.ts';
import { bookingRoutes } from './modules/booking/routes.ts';
import { seatEvents as createSeatEvents } from './modules/booking/seat-events.ts';
import { bookingService } from './modules/booking/service.ts';
import { catalogAdminRoutes } from './modules/catalog/admin-routes.ts';
import { catalogRepository } from './modules/catalog/repository.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { catalogService } from './modules/catalog/service.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { createMonitoring, type Monitoring } from './modules/monitoring/index.ts';
import { ordersRepository } from './modules/orders/repository.ts';
import { orderRoutes } from './modules/orders/routes.ts';
import { ordersService } from './modules/orders/service.ts';
import { createTestpayGateway } from './modules/payments/testpay/gateway.ts';
import { testpayRoutes } from './modules/payments/testpay/routes.ts';
import { sessionAdminRoutes } from './modules/sessions/admin-routes.ts';
import { sessionsRepository } from './modules/sessions/repository.ts';
import { sessionsService } from './modules/sessions/service.ts';
import { createTicketing, ticketRoutes } from './modules/tickets/index.ts';
import { uploadRoutes } from './modules/uploads/routes.ts';
import { venuesRepository } from './modules/venues/repository.ts';
import { venueAdminRoutes } from './modules/venues/routes.ts';
import { venuesService } from './modules/venues/service.ts';
import { waitingRoomRepository } from './modules/waiting-room/repository.ts';
import { waitingRoomAdminRoutes, waitingRoomRoutes } from './modules/waiting-room/routes.ts';
import { waitingRoomService } from './modules/waiting-room/service.ts';
import { waitingRoomTokens } from './modules/waiting-room/tokens.ts';

export type AppDeps = {
  config: Config;
  database: Database;
  coord: Coordinator;
  logger?: FastifyServerOptions['logger'];
};

export type Services = ReturnType<typeof buildServices>;

/** Wires repositories into services; shared by the HTTP app, the CLI and the demo seed. */
export const CATALOG_CHANGED_CHANNEL = 'catalog:changed';

export function buildServices(
  deps: Pick<AppDeps, 'database' | 'coord' | 'config'> & {
    log?: FastifyBaseLogger;
    /** Outcome counters of the monitoring module (the HTTP app passes them; tools need not). */
    observe?: Monitoring['observe'];
  },
) {
  const db = deps.database.db;
  const log = deps.log ?? pino({ level: 'silent' });
  const accounts = accountsService({ repo: accountsRepository(db), coord: deps.coord });
  const broadcastChange = () => {
    deps.coord.publish(CATALOG_CHANGED_CHANNEL, String(process.pid)).catch(() => {
      // Other processes' caches expire within seconds anyway; a lost message only delays that.
    });
  };
  const venues = venuesService({ repo: venuesRepository(db), onCatalogChange: broadcastChange });
  // catalog ⇄ sessions: the catalog composes session summaries, sessions report changes back.
  let sessions: ReturnType<typeof sessionsService>;
  const catalog = catalogService({
    repo: catalogRepository(db),
    sessions: () => sessions,
    venues,
    broadcastChange,
  });
  sessions = sessionsService({
    repo: sessionsRepository(db),
    venues,
    eventExists: (id) => catalog.eventExists(id),
    onSessionsChanged: (eventId) => catalog.sessionsChanged(eventId),
  });
  const seatEvents = createSeatEvents(deps.coord);
  const booking = bookingService({ repo: bookingRepository(db), sessions, venues, events: seatEvents });
  const ticketing = createTicketing({
    database: deps.database,
    config: deps.config,
    booking,
    log,
    observe: deps.observe,
  });

  // The simulated PSP reports back only through signed webhooks. By default it delivers them
  // through this process's own HTTP stack (inject): signature check, parsing and routing run as
  // for a remote provider, without needing the server to listen.
  const webhookSecret = createHmac('sha256', deps.config.appSecret ?? 'unset')
    .update('testpay-webhook')
    .digest('hex');
  let transport: WebhookTransport = async () => ({ status: 503 });
  const testpay = createTestpayGateway({
    db,
    webhookSecret,
    publicUrl: deps.config.publicUrl,
    log,
    deliver: (body, headers) => transport(body, headers),
  });
  const orders = ordersService({
    repo: ordersRepository(db, { onPaidInTransaction: ticketing.enqueueInTransaction }),
    booking,
    sessions,
    accounts,
    provider: testpay.provider,
    seatEvents,
    coord: deps.coord,
    webhookSecret,
    log,
    onPaid: ticketing.onPaid,
  });
  const waitingRoomRepo = waitingRoomRepository(db);
  const waitingRoom = waitingRoomService({
    coord: deps.coord,
    repo: waitingRoomRepo,
    tokens: waitingRoomTokens(deps.config.appSecret ?? 'unset'),
    findSession: waitingRoomRepo.sessionFacts,
    saveOutflow: async (id, outflowPerMinute) => {
      await sessions.update(id, { queueSettings: { outflowPerMinute } });
    },
    onError: (err, context) => log.warn({ err }, `waiting room: ${context}`),
  });
  return {
    accounts,
    venues,
    catalog,
    sessions,
    seatEvents,
    booking,
    waitingRoom,
    testpay,
    orders,
    ticketing,
    setWebhookTransport: (fn: WebhookTransport) => {
      transport = fn;
    },
  };
}

type WebhookTransport = (rawBody: string, headers: Record<string, string>) => Promise<{ status: number }>;

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/**
 * The Fastify instance with every route; main.ts listens on it, tests inject into it.
 * (A Fastify instance is thenable, so awaiting buildApp() also boots its plugins.)
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const { app, setFastPath } = serverInstance(config, deps.logger);
  // First, so that its request hook sees every route and its timer every query.
  const monitoring = createMonitoring({ config, database: deps.database, coord: deps.coord, log: app.log });
  monitoring.instrument(app);
  const services = buildServices({ ...deps, log: app.log, observe: monitoring.observe });
  app.decorate('services', services);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const securityHeaders = registerSecurityHeaders(app, config);
  await app.register(fastifyCookie);
  registerAuth(app, (token) => services.accounts.userForSessionToken(token));

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Ticketing API',
        version: APP_VERSION,
        description: 'Events, seat maps, holds, orders, tickets and the waiting room. Errors are RFC 9457.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  let webServed = false;
  registerProblemHandlers(app, (req, reply) => (webServed && wantsSpa(req) ? sendSpa(reply) : null));
  webServed = config.serveWeb ? await registerWeb(app) : false;

  healthRoutes(app, { ...deps, jobs: services.ticketing.jobs });
  monitoring.register(app);
  monitoring.registerQueueSource(() => services.waitingRoom.figures());
  const statusSeries = monitoring.routeSeries('GET', STATUS_ROUTE);
  const polls = fastPolls({
    statusJsonAt: (url, idAt, tokenAt, ip) => services.waitingRoom.statusJsonAt(url, idAt, tokenAt, ip),
    trustProxy: config.trustProxy,
    headers: securityHeaders.api,
    record: (status, ms) => statusSeries.record(status, ms),
  });
  const joinSeries = monitoring.routeSeries('POST', JOIN_ROUTE);
  const joins = fastJoins({
    cachedUser: (token) => services.accounts.cachedUser(token),
    joinHere: (id, accountId, ip) => services.waitingRoom.joinHere(id, accountId, ip),
    trustProxy: config.trustProxy,
    headers: securityHeaders.api,
    record: (status, ms) => joinSeries.record(status, ms),
    log: app.log,
  });
  setFastPath((req, res) => polls(req, res) || joins(req, res));
  accountsRoutes(app, { accounts: services.accounts, cookieSecure: config.cookieSecure });
  catalogRoutes(app, services);
  bookingRoutes(app, services);
  waitingRoomRoutes(app, services);
  orderRoutes(app, services);
  ticketRoutes(app, services);
  uploadRoutes(app, { dataDir: config.dataDir });
  testpayRoutes(app, { gateway: services.testpay });
  services.setWebhookTransport(async (payload, headers) => {
    const res = await app.inject({ method: 'POST', url: '/api/payments/webhook', headers, payload });
    return { status: res.statusCode };
  });
  adminScope(app, (admin) => {
    catalogAdminRoutes(admin, services);
    venueAdminRoutes(admin, services);
    sessionAdminRoutes(admin, services);
    waitingRoomAdminRoutes(admin, services);
  });

  // Browse caches of every process are dropped when any process changes the catalog.
  const unsubscribeRevocations = await services.accounts.listenForRevocations();
  const unsubscribe = await deps.coord.subscribe(CATALOG_CHANGED_CHANNEL, () =>
    services.catalog.dropCaches(),
  );
  const upkeep = setInterval(() => {
    services.catalog
      .refreshBrowseSummaries()
      .catch((err) => app.log.warn({ err }, 'browse summary refresh failed'));
  }, 60_000);
  upkeep.unref();
  // Expired holds never block a seat (the hold predicate ignores them); the sweeper only tidies
  // them up and tells the seat maps. SKIP LOCKED lets every process sweep without stepping on another.
  const sweeper = setInterval(() => {
    services.booking.sweepExpiredHolds().catch((err) => app.log.warn({ err }, 'hold sweep failed'));
  }, 2_000);
  sweeper.unref();
  const refundRetry = setInterval(() => {
    services.orders.retryPendingRefunds().catch((err) => app.log.warn({ err }, 'refund retry failed'));
  }, 30_000);
  refundRetry.unref();
  app.addHook('onReady', async () => services.testpay.startDelivery({ intervalMs: 1_000 }));
  // pg-boss and its queue must exist before a payment can commit (the job is enqueued in it).
  app.addHook('onReady', async () => services.ticketing.start());
  let stopWaitingRoom: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    stopWaitingRoom = await services.waitingRoom.start();
  });
  app.addHook('onClose', async () => {
    clearInterval(upkeep);
    clearInterval(sweeper);
    clearInterval(refundRetry);
    await services.testpay.stopDelivery();
    await services.ticketing.stop();
    await stopWaitingRoom?.();
    await unsubscribe();
    await unsubscribeRevocations();
  });

  return app;
}
