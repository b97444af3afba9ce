import {
  QueueAccess,
  QueueControl,
  QueueEnterRequest,
  QueueJoinResponse,
  QueueMonitor,
  QueueStatus,
  QueueStatusQuery,
  ServingState,
} from '@ticketing/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/auth.ts';
import { problemResponses } from '../../http/responses.ts';
import type { WaitingRoomService } from './service.ts';

const Id = z.object({ id: z.uuid() });
const tags = ['waiting room'];

/**
 * The on-sale's hottest routes (join, and the two every waiting person polls) answer from our own
 * pure functions typed by the contract, so they skip the per-response schema check (the schema
 * still documents them).
 */
const ownAnswer = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };
/** Polls are not logged one by one (metrics count them). */
const pollRoute = { ...ownAnswer, logLevel: 'warn' as const };

export function waitingRoomRoutes(app: FastifyInstance, deps: { waitingRoom: WaitingRoomService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { waitingRoom } = deps;
  waitingRoomPollRoutes(app, deps);

  r.post(
    '/api/sessions/:id/queue/join',
    {
      ...ownAnswer,
      schema: {
        tags,
        summary: 'Join the waiting room (one place per account; joining again returns the same place)',
        params: Id,
        response: { 200: QueueJoinResponse, 201: QueueJoinResponse, ...problemResponses(401, 404, 409, 429) },
      },
    },
    async (req, reply) => {
      const user = await requireUser(req);
      const joined = await waitingRoom.join(req.params.id, user.id, req.ip);
      return reply.status(joined.fresh ? 201 : 200).send(joined);
    },
  );

  r.post(
    '/api/sessions/:id/queue/enter',
    {
      schema: {
        tags,
        summary: 'Exchange an admitted queue token for a booking access token (idempotent)',
        params: Id,
        body: QueueEnterRequest,
        response: { 200: QueueAccess, ...problemResponses(400, 401, 403, 409, 410) },
      },
    },
    async (req) => waitingRoom.enter(req.params.id, (await requireUser(req)).id, req.body.token),
  );
}

/**
 * The two routes every waiting person polls, needing no sign-in: the main app serves them, and so
 * does the queue edge (queue-edge.ts), a process that serves nothing else.
 */
export function waitingRoomPollRoutes(app: FastifyInstance, deps: { waitingRoom: WaitingRoomService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { waitingRoom } = deps;

  r.get(
    '/api/sessions/:id/queue/status',
    {
      ...pollRoute,
      schema: {
        tags,
        summary: 'Place, people ahead and ETA, from the token alone (no sign-in needed)',
        params: Id,
        querystring: QueueStatusQuery,
        response: { 200: QueueStatus, ...problemResponses(400, 409, 429) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return waitingRoom.status(req.params.id, req.query.token, req.ip);
    },
  );

  r.get(
    '/api/sessions/:id/queue/serving',
    {
      ...pollRoute,
      schema: {
        tags,
        summary: 'The public serving state of the waiting room (cacheable for 2 s)',
        params: Id,
        response: { 200: ServingState, ...problemResponses(404, 409) },
      },
    },
    async (req, reply) => {
      const state = await waitingRoom.serving(req.params.id);
      reply.header('cache-control', 'public, max-age=2');
      if (state) return state;
      // A session without a queue answers the same shape, phase "off", so clients need one path.
      return reply.send(await waitingRoom.offState(req.params.id));
    },
  );
}

export function waitingRoomAdminRoutes(admin: FastifyInstance, deps: { waitingRoom: WaitingRoomService }) {
  const r = admin.withTypeProvider<ZodTypeProvider>();
  const { waitingRoom } = deps;
  const admTags = ['admin', 'waiting room'];

  r.get(
    '/api/admin/sessions/:id/queue',
    {
      schema: {
        tags: admTags,
        summary: 'Live figures of a session’s waiting room',
        params: Id,
        response: { 200: QueueMonitor, ...problemResponses(401, 403, 409) },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return waitingRoom.monitor(req.params.id);
    },
  );

  r.post(
    '/api/admin/sessions/:id/queue',
    {
      schema: {
        tags: admTags,
        summary: 'Pause or resume admissions, or change the outflow per minute',
        params: Id,
        body: QueueControl,
        response: { 200: QueueMonitor, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (req) => waitingRoom.control(req.params.id, req.body),
  );
}
