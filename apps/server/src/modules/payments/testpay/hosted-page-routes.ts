import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../../lib/errors.ts';
import { InvalidCardNumber, NotAwaitingAction, UnknownTestCard } from './errors.ts';
import type { TestpayGateway } from './gateway.ts';
import { messagePage, pageFor, paymentFormPage } from './pages.ts';

const Params = z.object({ paymentId: z.string().max(100) });
const ConfirmForm = z.object({ cardNumber: z.string().max(64) });
const AuthenticateForm = z.object({ approve: z.enum(['true', 'false']) });

function sendHtml(reply: FastifyReply, status: number, body: string) {
  // A payment page shows the state of the moment; no cache may replay it.
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

const notFound = (reply: FastifyReply) =>
  sendHtml(
    reply,
    404,
    messagePage('Payment not found', 'This payment link is not valid. Go back to the shop and start again.'),
  );

/**
 * Browsers say where a form post comes from; a post from another site is a forged one (CSRF).
 * Clients that send no Sec-Fetch-Site (old browsers, programs) are let through: a test card pays nothing.
 */
function crossSite(req: FastifyRequest) {
  const site = req.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

/**
 * The hosted payment page: GET shows the step the payment is at, the forms post back and are
 * answered with a redirect to it (post/redirect/get, so a reload never re-submits).
 */
export async function hostedPageRoutes(app: FastifyInstance, gateway: TestpayGateway) {
  // No @fastify/formbody here: plain HTML forms are the only form-encoded bodies, and only on this scope.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  app.get('/pay/:paymentId', { schema: { hide: true } }, async (req, reply) => {
    const params = Params.safeParse(req.params);
    const payment = params.success ? await gateway.getPayment(params.data.paymentId) : null;
    if (!payment) return notFound(reply);
    return sendHtml(reply, 200, pageFor(payment));
  });

  app.post('/pay/:paymentId/confirm', { schema: { hide: true } }, async (req, reply) => {
    const params = Params.safeParse(req.params);
    if (!params.success) return notFound(reply);
    const { paymentId } = params.data;
    if (crossSite(req))
      return sendHtml(reply, 403, messagePage('Refused', 'This form was sent from another site.'));
    const form = ConfirmForm.safeParse(req.body);
    const cardNumber = form.success ? form.data.cardNumber : '';
    try {
      await gateway.confirm(paymentId, cardNumber);
      return reply.redirect(`/pay/${encodeURIComponent(paymentId)}`, 303);
    } catch (err) {
      if (err instanceof NotFound) return notFound(reply);
      if (err instanceof InvalidCardNumber || err instanceof UnknownTestCard) {
        const payment = await gateway.getPayment(paymentId);
        if (!payment) return notFound(reply);
        const error = err instanceof UnknownTestCard ? 'Use one of the test cards below.' : err.message;
        return sendHtml(reply, 400, paymentFormPage(payment, { error, cardNumber }));
      }
      throw err;
    }
  });

  app.post('/pay/:paymentId/authenticate', { schema: { hide: true } }, async (req, reply) => {
    const params = Params.safeParse(req.params);
    if (!params.success) return notFound(reply);
    const { paymentId } = params.data;
    if (crossSite(req))
      return sendHtml(reply, 403, messagePage('Refused', 'This form was sent from another site.'));
    const form = AuthenticateForm.safeParse(req.body);
    try {
      // A broken form changes nothing (a decline is final): the GET shows the question again.
      if (form.success) await gateway.authenticate(paymentId, form.data.approve === 'true');
    } catch (err) {
      if (err instanceof NotFound) return notFound(reply);
      // No pending step: the GET shows whatever step the payment is at.
      if (!(err instanceof NotAwaitingAction)) throw err;
    }
    return reply.redirect(`/pay/${encodeURIComponent(paymentId)}`, 303);
  });
}
