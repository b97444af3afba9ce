import { AdminSession, PricesPut, SessionCreate, SessionUpdate } from '@ticketing/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/responses.ts';
import type { SessionsService } from './service.ts';

const Id = z.object({ id: z.uuid() });
const tags = ['admin: sessions'];

export function sessionAdminRoutes(app: FastifyInstance, deps: { sessions: SessionsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { sessions } = deps;

  r.get(
    '/api/admin/events/:id/sessions',
    { schema: { tags, params: Id, response: { 200: z.object({ items: z.array(AdminSession) }) } } },
    async (req) => ({ items: await sessions.listForEvent(req.params.id) }),
  );
  r.post(
    '/api/admin/events/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Add a session (showtime) to an event',
        params: Id,
        body: SessionCreate,
        response: { 201: AdminSession, ...problemResponses(400, 404) },
      },
    },
    async (req, reply) => reply.status(201).send(await sessions.create(req.params.id, req.body)),
  );
  r.get(
    '/api/admin/sessions/:id',
    { schema: { tags, params: Id, response: { 200: AdminSession, ...problemResponses(404) } } },
    async (req) => sessions.get(req.params.id),
  );
  r.patch(
    '/api/admin/sessions/:id',
    {
      schema: {
        tags,
        params: Id,
        body: SessionUpdate,
        response: { 200: AdminSession, ...problemResponses(400, 404, 409) },
      },
    },
    async (req) => sessions.update(req.params.id, req.body),
  );
  r.put(
    '/api/admin/sessions/:id/prices',
    {
      schema: {
        tags,
        summary: 'Set the price of every seating category',
        params: Id,
        body: PricesPut,
        response: { 200: AdminSession, ...problemResponses(400, 404, 409) },
      },
    },
    async (req) => sessions.setPrices(req.params.id, req.body.prices),
  );
  r.post(
    '/api/admin/sessions/:id/publish',
    {
      schema: {
        tags,
        summary: 'Check prices and create the seat inventory',
        params: Id,
        response: { 200: AdminSession, ...problemResponses(404, 409) },
      },
    },
    async (req) => sessions.publish(req.params.id),
  );
  r.post(
    '/api/admin/sessions/:id/cancel',
    { schema: { tags, params: Id, response: { 200: AdminSession, ...problemResponses(404) } } },
    async (req) => sessions.cancel(req.params.id),
  );
}
