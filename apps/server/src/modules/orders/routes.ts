import { Order, OrderCancel, OrderCreate } from '@ticketing/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/auth.ts';
import { problem, sendProblem } from '../../http/problem.ts';
import { problemResponses } from '../../http/responses.ts';
import { SIGNATURE_HEADER } from '../payments/webhook-format.ts';
import { ORDER_WAIT_DEFAULT_MS, OrderWaitQuery } from './schemas.ts';
import { type OrdersService, WebhookRejected } from './service.ts';

const Id = z.object({ id: z.uuid() });
const tags = ['orders'];

export function orderRoutes(app: FastifyInstance, deps: { orders: OrdersService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { orders } = deps;

  r.post(
    '/api/orders',
    {
      schema: {
        tags,
        summary: 'Create the order for a hold and its payment (idempotent per Idempotency-Key)',
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: OrderCreate,
        response: { 200: Order, 201: Order, ...problemResponses(400, 401, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(req);
      const key = orders.validateKey(req.headers['idempotency-key']);
      const { created, order } = await orders.createOrder(user.id, req.body.holdId, key);
      return reply.status(created ? 201 : 200).send(order);
    },
  );

  // Long-polls need this process subscribed to settlement hints; on shutdown they answer at once.
  app.addHook('onReady', () => orders.settlement.start());
  app.addHook('preClose', () => orders.settlement.stop());

  r.get(
    '/api/orders/:id',
    {
      schema: {
        tags,
        summary: 'One of my orders; with waitFor=settled, answered once it is no longer pending',
        params: Id,
        querystring: OrderWaitQuery,
        response: { 200: Order, ...problemResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(req);
      if (req.query.waitFor !== 'settled') return orders.getOrder(req.params.id, user.id);
      // A buyer who goes away stops the wait (and its database re-reads) at once.
      const gone = new AbortController();
      reply.raw.once('close', () => gone.abort());
      return orders.getOrder(req.params.id, user.id, {
        timeoutMs: req.query.timeoutMs ?? ORDER_WAIT_DEFAULT_MS,
        signal: gone.signal,
      });
    },
  );

  r.get(
    '/api/me/orders',
    {
      schema: {
        tags,
        summary: 'My orders, newest first',
        response: { 200: z.object({ items: z.array(Order) }) },
      },
    },
    async (req) => ({ items: await orders.listOrders((await requireUser(req)).id) }),
  );

  r.post(
    '/api/orders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a paid order, or some of its tickets, before the session’s cut-off; refunds follow',
        params: Id,
        body: OrderCancel.optional(),
        response: { 200: Order, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (req) => orders.cancel(req.params.id, (await requireUser(req)).id, req.body?.ticketIds),
  );

  // The provider's webhook needs the exact bytes it signed: parse JSON ourselves in this scope.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/payments/webhook',
      { schema: { tags: ['payments'], summary: 'Provider → platform, HMAC-signed' } },
      async (req, reply) => {
        const signature = req.headers[SIGNATURE_HEADER];
        try {
          const result = await orders.handleWebhook(
            String(req.body ?? ''),
            typeof signature === 'string' ? signature : undefined,
          );
          return reply.status(200).send({ received: true, outcome: result.outcome });
        } catch (err) {
          if (!(err instanceof WebhookRejected)) throw err;
          req.log.warn({ reason: err.message }, 'webhook rejected');
          return sendProblem(
            reply,
            problem(
              req,
              400,
              'WEBHOOK_REJECTED',
              'Webhook rejected',
              `The webhook was refused: ${err.message}.`,
            ),
          );
        }
      },
    );
  });
}
