import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { expect } from 'vitest';
import { type Actor, actor, signIn } from '../../../../test/actors.ts';
import { testConfig } from '../../../../test/app.ts';
import type { TestDatabase } from '../../../../test/databases.ts';
import { buildApp, type Services } from '../../../app.ts';
import { createMemoryCoordinator } from '../../../coord/memory.ts';
import { registerAuth } from '../../../http/auth.ts';
import { errorToProblem, sendProblem } from '../../../http/problem.ts';
import type { Mailer } from '../../../mail/port.ts';
import { ordersRepository } from '../../orders/repository.ts';
import { ordersService, WebhookRejected } from '../../orders/service.ts';
import { SIGNATURE_HEADER } from '../../payments/webhook-format.ts';
import type { DeliveryPolicy } from '../delivery.ts';
import { createTicketing, type Ticketing, ticketRoutes } from '../index.ts';

export const MAIL_FROM = 'Ticketing <tickets@tickets.test>';

export type TicketsTestOptions = {
  smtpUrl?: string;
  mailer?: Mailer;
  delivery?: Partial<DeliveryPolicy>;
  /** false: start no delivery worker (as if the process died after the payment committed). */
  workers?: boolean;
};

/**
 * The real app on a real database, with delivery run by separate "worker processes" (their own
 * pg-boss and workers on the same database), so a test decides when a worker runs.
 *
 * Once app.ts wires the tickets module (see the report of issue 5), the app's own ticketing is the
 * paying side: its workers are stopped, and its routes are the ticket routes. Until then the same
 * wiring is assembled here: an orders service whose finalizePaid also enqueues (what the line added
 * to orders/repository.ts does) receives the payment webhooks, and the ticket routes run on a
 * second Fastify instance sharing the app's services, cookies and error mapping.
 */
export async function ticketsTestApp(database: TestDatabase, opts: TicketsTestOptions = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-tickets-'));
  const env: Record<string, string> = { DATA_DIR: dataDir, PUBLIC_URL: 'http://tickets.test', MAIL_FROM };
  if (opts.smtpUrl) env.SMTP_URL = opts.smtpUrl;
  const config = testConfig(env);
  const coord = createMemoryCoordinator();
  const app = await buildApp({ config, database, coord, logger: false });
  await app.ready();
  const s = app.services as Services & { ticketing?: Ticketing };

  const ticketingOf = (workers: boolean) =>
    createTicketing({
      database,
      config: {
        env: config.env,
        dataDir,
        publicUrl: config.publicUrl,
        mail: { smtpUrl: opts.smtpUrl ?? null, from: MAIL_FROM },
        tickets: { signingKey: null, publicKey: null },
      },
      booking: s.booking,
      log: app.log,
      ...(opts.mailer ? { mailer: opts.mailer } : {}),
      delivery: { retryDelaySeconds: 1, ...opts.delivery },
      pollingIntervalSeconds: 0.5,
      workers,
    });

  let ticketing: Ticketing;
  let http: FastifyInstance;
  if (s.ticketing) {
    ticketing = s.ticketing;
    await ticketing.stop(); // the paying side only: delivery runs in the worker processes below
    http = app;
  } else {
    ticketing = ticketingOf(false);
    await ticketing.start();
    const repo = ordersRepository(database.db);
    const orders = ordersService({
      repo: {
        ...repo,
        async finalizePaid(tx, orderId, holderName) {
          const outcome = await repo.finalizePaid(tx, orderId, holderName);
          if (outcome.kind === 'paid') await ticketing.enqueueInTransaction(tx, orderId);
          return outcome;
        },
      },
      booking: s.booking,
      sessions: s.sessions,
      accounts: s.accounts,
      provider: s.testpay.provider,
      seatEvents: s.seatEvents,
      coord,
      webhookSecret: createHmac('sha256', config.appSecret ?? 'unset')
        .update('testpay-webhook')
        .digest('hex'),
      log: app.log,
      onPaid: ticketing.onPaid,
    });
    s.setWebhookTransport(async (payload, headers) => {
      try {
        await orders.handleWebhook(payload, headers[SIGNATURE_HEADER]);
        return { status: 200 };
      } catch (err) {
        return { status: err instanceof WebhookRejected ? 400 : 500 };
      }
    });
    http = Fastify({ logger: false });
    http.setValidatorCompiler(validatorCompiler);
    http.setSerializerCompiler(serializerCompiler);
    await http.register(fastifyCookie);
    registerAuth(http, (token) => s.accounts.userForSessionToken(token));
    http.setErrorHandler((err, req, reply) => sendProblem(reply, errorToProblem(err, req)));
    ticketRoutes(http, { ticketing });
    await http.ready();
  }

  const processes: Ticketing[] = [];
  /** A delivery worker process on the same database (a restart, another node). */
  async function anotherProcess() {
    const t = ticketingOf(true);
    processes.push(t);
    await t.start();
    return t;
  }
  if (opts.workers !== false) await anotherProcess();

  return {
    app,
    http,
    database,
    /** The paying side (enqueues in the payment's transaction; runs no workers). */
    ticketing,
    dataDir,
    anotherProcess,
    /** The same signed-in user, calling the ticket routes. */
    tickets: (who: Actor) => actor(http, who.cookie),
    signIn: (role?: 'user' | 'staff' | 'admin') => signIn(app, role),
    async close() {
      for (const t of processes) await t.stop();
      await ticketing.stop();
      if (http !== app) await http.close();
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TicketsTestApp = Awaited<ReturnType<typeof ticketsTestApp>>;

/** Hold → order → pay with the success card → webhooks delivered: a paid order with tickets. */
export async function buyTickets(
  ctx: Pick<TicketsTestApp, 'app'>,
  who: Actor,
  sessionId: string,
  hold:
    | { seatIds: string[] }
    | { category: string; quantity: number }
    | { gaAreaId: string; quantity: number },
) {
  const held = await who.post(`/api/sessions/${sessionId}/holds`, hold);
  expect(held.statusCode, held.body).toBe(201);
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { cookie: who.cookie, 'idempotency-key': randomUUID() },
    payload: { holdId: held.json().holdId },
  });
  expect(created.statusCode, created.body).toBe(201);
  const order = created.json();
  const paid = await ctx.app.inject({
    method: 'POST',
    url: `/api/testpay/payments/${order.payment.id}/confirm`,
    payload: { cardNumber: '4242 4242 4242 4242' },
  });
  expect(paid.json().status).toBe('succeeded');
  // The gateway's own delivery loop may hold the webhook at this moment: deliver until it landed.
  const after = await until(async () => {
    await ctx.app.services.testpay.deliverDue();
    const o = (await who.get(`/api/orders/${order.id}`)).json();
    return o.status === 'paid' && o;
  }, 10_000);
  return after as { id: string; tickets: { id: string; seatId: string | null; label: string }[] };
}

export async function until<T>(probe: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
