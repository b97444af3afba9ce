import { Availability, Hold, HoldCreate, QUEUE_ACCESS_HEADER } from '@ticketing/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/auth.ts';
import { sendCachedJson } from '../../http/cached-json.ts';
import { problemResponses } from '../../http/responses.ts';
import type { SeatEvents } from './seat-events.ts';
import type { BookingService } from './service.ts';
import { streamSeatChanges } from './stream.ts';

const Id = z.object({ id: z.uuid() });
const tags = ['booking'];

export function bookingRoutes(
  app: FastifyInstance,
  deps: {
    booking: BookingService;
    seatEvents: SeatEvents;
    /** While a session's waiting room is on, holds need the admitted shopper's access token. */
    waitingRoom: { checkAccess(sessionId: string, userId: string, token: string | undefined): Promise<void> };
  },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { booking } = deps;

  r.post(
    '/api/sessions/:id/holds',
    {
      schema: {
        tags,
        summary: 'Hold seats: chosen ones, best available in a category, or general admission places',
        params: Id,
        body: HoldCreate,
        response: { 201: Hold, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(req);
      const access = req.headers[QUEUE_ACCESS_HEADER];
      await deps.waitingRoom.checkAccess(
        req.params.id,
        user.id,
        typeof access === 'string' ? access : undefined,
      );
      const body = req.body;
      const request = body.seatIds
        ? { seatIds: body.seatIds }
        : body.gaAreaId
          ? { gaAreaId: body.gaAreaId, quantity: body.quantity! }
          : {
              category: body.category!,
              quantity: body.quantity!,
              ...(body.sectionId ? { sectionId: body.sectionId } : {}),
            };
      return reply.status(201).send(await booking.createHold(req.params.id, user.id, request));
    },
  );

  r.get(
    '/api/holds/:id',
    { schema: { tags, params: Id, response: { 200: Hold, ...problemResponses(401, 404) } } },
    async (req) => booking.getHold(req.params.id, (await requireUser(req)).id),
  );

  r.delete(
    '/api/holds/:id',
    {
      schema: {
        tags,
        summary: 'Release a hold (seats are free again at once)',
        params: Id,
        response: { 204: z.null(), ...problemResponses(401, 404) },
      },
    },
    async (req, reply) => {
      await booking.releaseHold(req.params.id, (await requireUser(req)).id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/sessions/:id/seatmap',
    {
      schema: {
        tags,
        summary: 'The seat plan of a published session (immutable)',
        params: Id,
        response: {
          200: z.object({ layoutId: z.uuid(), plan: z.unknown() }),
          304: z.null().describe('Not modified'),
          ...problemResponses(404),
        },
      },
    },
    async (req, reply) => {
      const map = await booking.seatmapResponse(req.params.id);
      reply
        .header('etag', map.etag)
        .header('cache-control', 'public, max-age=300')
        .header('vary', 'accept-encoding');
      if (req.headers['if-none-match'] === map.etag) return reply.status(304).send(null);
      reply.type('application/json; charset=utf-8');
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')))
        return reply.header('content-encoding', 'gzip').send(map.gzip as never);
      return reply.send(map.json as never);
    },
  );

  r.get(
    '/api/sessions/:id/availability',
    {
      schema: {
        tags,
        summary: 'Every seat status as one character per seat, in plan order',
        params: Id,
        response: { 200: Availability, ...problemResponses(404) },
      },
    },
    async (req, reply) => sendCachedJson(req, reply, await booking.availabilitySnapshot(req.params.id)),
  );

  r.get(
    '/api/sessions/:id/stream',
    {
      schema: {
        tags,
        summary: 'Server-sent events: a snapshot, then seat deltas as they happen',
        params: Id,
      },
    },
    async (req, reply) =>
      streamSeatChanges(req, reply, { booking, seatEvents: deps.seatEvents, sessionId: req.params.id }),
  );
}
