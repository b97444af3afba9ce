import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../http/responses.ts';
import { NotFound } from '../lib/errors.ts';
import { type LocalOutbox, OUTBOX_ID } from './outbox.ts';

const Summary = z.object({
  id: z.string(),
  messageId: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  date: z.string(),
  attachments: z.array(z.string()),
  size: z.number().int(),
});
const Message = Summary.omit({ attachments: true }).extend({
  text: z.string(),
  html: z.string(),
  attachments: z.array(z.object({ name: z.string(), contentType: z.string(), size: z.number().int() })),
});
const Id = z.object({ id: z.string().regex(OUTBOX_ID) });
const tags = ['dev'];

// A download, never rendered inline on our origin: a message's parts are untrusted content.
const sendDownload = (reply: FastifyReply, type: string, filename: string, content: Buffer) =>
  reply
    .type(type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(content);

/**
 * The dev mailbox: what the local outbox "sent". Registered only when the outbox is the mailer
 * and the process is not in production (see createTicketing). No sign-in: on a developer's machine
 * the point is to read any account's mail.
 */
export function devMailboxRoutes(app: FastifyInstance, outbox: LocalOutbox) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const noStore = { 'cache-control': 'no-store' };

  r.get(
    '/api/dev/mailbox',
    {
      schema: {
        tags,
        summary: 'Messages in the local outbox, newest first (not in production)',
        querystring: z.strictObject({
          to: z.string().max(320).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(Summary) }) },
      },
    },
    async (req, reply) => {
      reply.headers(noStore);
      return { items: await outbox.list(req.query) };
    },
  );

  r.get(
    '/api/dev/mailbox/:id',
    { schema: { tags, params: Id, response: { 200: Message, ...problemResponses(404) } } },
    async (req, reply) => {
      const message = await outbox.get(req.params.id);
      if (!message) throw new NotFound('Message');
      reply.headers(noStore);
      return message;
    },
  );

  r.get(
    '/api/dev/mailbox/:id/raw',
    { schema: { tags, summary: 'The message as sent (.eml)', params: Id, response: problemResponses(404) } },
    async (req, reply) => {
      const raw = await outbox.raw(req.params.id);
      if (!raw) throw new NotFound('Message');
      return sendDownload(reply, 'message/rfc822', `${req.params.id}.eml`, raw);
    },
  );

  r.get(
    '/api/dev/mailbox/:id/attachments/:name',
    {
      schema: {
        tags,
        params: Id.extend({ name: z.string().min(1).max(255) }),
        response: problemResponses(404),
      },
    },
    async (req, reply) => {
      const file = await outbox.attachment(req.params.id, req.params.name);
      if (!file) throw new NotFound('Attachment');
      const safeName = req.params.name.replace(/[^\w.-]/g, '_');
      return sendDownload(reply, file.contentType, safeName, file.content);
    },
  );
}
