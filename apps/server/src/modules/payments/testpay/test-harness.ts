import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Backend, TestDatabase } from '../../../../test/databases.ts';
import { errorToProblem, sendProblem } from '../../../http/problem.ts';
import type { WebhookEvent } from '../webhook-format.ts';
import { createTestpayGateway, type TestpayDeps } from './gateway.ts';
import { testpayRoutes } from './routes.ts';

export const WEBHOOK_SECRET = 'whsec_test_testpay_0123456789abcdef';
export const PUBLIC_URL = 'https://tickets.example';

export type Sent = { body: string; headers: Record<string, string>; event: WebhookEvent; at: number };

/**
 * A migrated database, a gateway on a fake clock and a recording webhook receiver. `statuses` is
 * what the receiver answers, one per call (then 200); `clock.advance(ms)` moves time instead of sleeping.
 */
export async function openTestpay(backend: Backend, overrides: Partial<TestpayDeps> = {}) {
  const database: TestDatabase = await backend.open();
  let now = Date.now();
  const clock = {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
    seconds: () => Math.floor(now / 1000),
  };
  const sent: Sent[] = [];
  const statuses: number[] = [];
  const deps: TestpayDeps = {
    db: database.db,
    webhookSecret: WEBHOOK_SECRET,
    publicUrl: PUBLIC_URL,
    now: clock.now,
    deliver: async (body, headers) => {
      sent.push({ body, headers, event: JSON.parse(body) as WebhookEvent, at: now });
      return { status: statuses.shift() ?? 200 };
    },
    ...overrides,
  };
  const gateway = createTestpayGateway(deps);
  return {
    database,
    gateway,
    deps,
    clock,
    sent,
    statuses,
    sentFor: (paymentId: string) => sent.filter((s) => s.event.data.paymentId === paymentId),
    /** A payment for a fresh order. */
    newPayment: (over: Partial<{ amountCents: number; currency: string; description: string }> = {}) =>
      gateway.provider.createPayment({
        orderId: randomUUID(),
        amountCents: over.amountCents ?? 4200,
        currency: over.currency ?? 'EUR',
        description: over.description ?? '2 tickets · Hamlet',
        returnUrl: '/orders/done',
      }),
  };
}

/** The testpay routes on a bare Fastify with the app's validation and problem+json mapping. */
export async function testpayHttp(gateway: ReturnType<typeof createTestpayGateway>) {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((err, req, reply) => sendProblem(reply, errorToProblem(err, req)));
  testpayRoutes(app, { gateway });
  await app.ready();
  return app;
}
