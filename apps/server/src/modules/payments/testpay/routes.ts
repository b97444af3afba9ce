import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../../http/responses.ts';
import { NotFound } from '../../../lib/errors.ts';
import type { TestpayGateway, TestpayPayment } from './gateway.ts';
import { hostedPageRoutes } from './hosted-page-routes.ts';

const Status = z.enum(['requires_payment', 'requires_action', 'succeeded', 'failed', 'refunded']);
const Params = z.object({ id: z.string().max(100) });
const ConfirmBody = z.strictObject({
  cardNumber: z
    .string()
    .max(64)
    .regex(/^\s*(?:\d\s*){12,19}$/, 'A card number has 12 to 19 digits (spaces are ignored).'),
});
const AuthenticateBody = z.strictObject({ approve: z.boolean() });
const Outcome = z.object({ id: z.string(), status: Status, failureReason: z.string().optional() });
const PaymentState = z.object({
  id: z.string(),
  orderId: z.string(),
  amountCents: z.number().int(),
  currency: z.string(),
  description: z.string(),
  status: Status,
  failureReason: z.string().nullable(),
  cardLast4: z.string().nullable(),
  refundedCents: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const outcome = (p: TestpayPayment) => ({
  id: p.id,
  status: p.status,
  ...(p.failureReason ? { failureReason: p.failureReason } : {}),
});

/**
 * The simulated gateway's own surface: its API for programs (/api/testpay/…) and its hosted page
 * (/pay/…). A real PSP has both on its own domain; here they share the platform's server.
 */
export function testpayRoutes(app: FastifyInstance, deps: { gateway: TestpayGateway }) {
  const { gateway } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/testpay/payments/:id/confirm',
    {
      schema: {
        tags: ['testpay'],
        summary: 'Pay with a test card (the hosted page, for programs)',
        params: Params,
        body: ConfirmBody,
        response: { 200: Outcome, ...problemResponses(400, 404) },
      },
    },
    async (req) => outcome(await gateway.confirm(req.params.id, req.body.cardNumber)),
  );

  r.post(
    '/api/testpay/payments/:id/authenticate',
    {
      schema: {
        tags: ['testpay'],
        summary: 'Approve or decline the simulated 3-D Secure step',
        params: Params,
        body: AuthenticateBody,
        response: { 200: Outcome, ...problemResponses(400, 404, 409) },
      },
    },
    async (req) => outcome(await gateway.authenticate(req.params.id, req.body.approve)),
  );

  r.get(
    '/api/testpay/payments/:id',
    {
      schema: {
        tags: ['testpay'],
        summary: 'A payment as the simulated gateway sees it',
        params: Params,
        response: { 200: PaymentState, ...problemResponses(404) },
      },
    },
    async (req) => {
      const p = await gateway.getPayment(req.params.id);
      if (!p) throw new NotFound('Payment');
      return {
        id: p.id,
        orderId: p.orderId,
        amountCents: p.amountCents,
        currency: p.currency,
        description: p.description,
        status: p.status,
        failureReason: p.failureReason,
        cardLast4: p.cardLast4,
        refundedCents: p.refundedCents,
        createdAt: p.createdAt.toISOString(),
        updatedAt: p.updatedAt.toISOString(),
      };
    },
  );

  // Its own scope: the form-body parser must not leak into the rest of the API.
  app.register(async (scope) => hostedPageRoutes(scope, gateway));
}
