import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireUser } from '../../http/auth.ts';
import { problemResponses } from '../../http/responses.ts';
import { devMailboxRoutes } from '../../mail/dev-mailbox-routes.ts';
import type { Ticketing } from './index.ts';
import { CheckinRequest, CheckinResult, Delivery, MyTickets, PublicKey, TicketDetail } from './schemas.ts';

const Id = z.object({ id: z.uuid() });
const tags = ['tickets'];

/** A private file download (the typed reply only knows the JSON responses of the route). */
function sendDownload(reply: FastifyReply, type: string, filename: string, content: Buffer) {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'private, no-store')
    .send(content);
}

export function ticketRoutes(app: FastifyInstance, deps: { ticketing: Ticketing }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { service } = deps.ticketing;

  r.get(
    '/api/me/tickets',
    {
      schema: {
        tags,
        summary: 'My tickets, upcoming and past',
        response: { 200: MyTickets, ...problemResponses(401) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return service.listMine((await requireUser(req)).id);
    },
  );

  // Static before parametric: find-my-way prefers it anyway; the uuid schema keeps :id honest.
  r.get(
    '/api/tickets/public-key',
    {
      schema: {
        tags,
        summary: 'The Ed25519 public key that verifies ticket codes offline',
        response: { 200: PublicKey },
      },
    },
    async (_req, reply) => {
      const key = service.publicKey();
      reply.header('cache-control', 'public, max-age=3600');
      reply.header('etag', `"${key.keyId}"`);
      return key;
    },
  );

  r.get(
    '/api/tickets/:id',
    {
      schema: {
        tags,
        summary: 'One of my tickets, with its QR code content',
        params: Id,
        response: { 200: TicketDetail, ...problemResponses(401, 404) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return service.getMine(req.params.id, (await requireUser(req)).id);
    },
  );

  r.get(
    '/api/tickets/:id/pdf',
    {
      schema: {
        tags,
        summary: 'One of my tickets as a printable PDF',
        params: Id,
        response: { ...problemResponses(401, 404, 409) },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await service.pdfOfTicket(req.params.id, (await requireUser(req)).id);
      return sendDownload(reply, 'application/pdf', filename, pdf);
    },
  );

  r.post(
    '/api/orders/:id/resend',
    {
      schema: {
        tags,
        summary: 'Email the order’s tickets again',
        params: Id,
        body: z.strictObject({}).optional(),
        response: { 202: Delivery, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => {
      const delivery = await service.resend(req.params.id, (await requireUser(req)).id);
      return reply.status(202).send(delivery);
    },
  );

  r.get(
    '/api/orders/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'The order’s ticket emails: queued, sent or failed, newest first',
        params: Id,
        response: { 200: z.object({ items: z.array(Delivery) }), ...problemResponses(401, 404) },
      },
    },
    async (req) => ({ items: await service.deliveriesOf(req.params.id, (await requireUser(req)).id) }),
  );

  r.post(
    '/api/checkin',
    {
      preHandler: requireRole('staff', 'admin'),
      schema: {
        tags,
        summary: 'Admit a ticket at the door: once, and says why a code is refused',
        body: CheckinRequest,
        response: { 200: CheckinResult, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => service.checkIn(req.body, (await requireUser(req)).id),
  );

  if (deps.ticketing.devMailbox) devMailboxRoutes(app, deps.ticketing.devMailbox);
}
