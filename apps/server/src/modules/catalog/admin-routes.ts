import {
  AdminEvent,
  EventCreate,
  EventStatus,
  EventStatusChange,
  EventType,
  EventTypeCreate,
  EventTypeKey,
  EventTypeUpdate,
  EventUpdate,
} from '@ticketing/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/responses.ts';
import type { CatalogService } from './service.ts';

const Id = z.object({ id: z.uuid() });
const tags = ['admin: events'];

export function catalogAdminRoutes(app: FastifyInstance, deps: { catalog: CatalogService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { catalog } = deps;

  r.get(
    '/api/admin/event-types',
    {
      schema: {
        tags,
        summary: 'All event types, retired included',
        response: { 200: z.object({ items: z.array(EventType) }) },
      },
    },
    async () => ({ items: await catalog.listEventTypes(true) }),
  );
  r.post(
    '/api/admin/event-types',
    { schema: { tags, body: EventTypeCreate, response: { 201: EventType, ...problemResponses(400, 409) } } },
    async (req, reply) => reply.status(201).send(await catalog.createEventType(req.body.key, req.body.label)),
  );
  r.patch(
    '/api/admin/event-types/:key',
    {
      schema: {
        tags,
        summary: 'Rename or retire (retired types stay on existing events)',
        params: z.object({ key: EventTypeKey }),
        body: EventTypeUpdate,
        response: { 200: EventType, ...problemResponses(400, 404) },
      },
    },
    async (req) => catalog.updateEventType(req.params.key, req.body),
  );

  r.get(
    '/api/admin/events',
    {
      schema: {
        tags,
        querystring: z.strictObject({
          q: z.string().trim().max(100).optional(),
          status: EventStatus.optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(25),
        }),
        response: {
          200: z.object({
            items: z.array(AdminEvent),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (req) => catalog.listAdminEvents(req.query),
  );
  r.post(
    '/api/admin/events',
    {
      schema: {
        tags,
        summary: 'Create a draft event',
        body: EventCreate,
        response: { 201: AdminEvent, ...problemResponses(400) },
      },
    },
    async (req, reply) => reply.status(201).send(await catalog.createEvent(req.body)),
  );
  r.get(
    '/api/admin/events/:id',
    { schema: { tags, params: Id, response: { 200: AdminEvent, ...problemResponses(404) } } },
    async (req) => catalog.getAdminEvent(req.params.id),
  );
  r.patch(
    '/api/admin/events/:id',
    {
      schema: {
        tags,
        summary: 'Edit an event (published edits show on browse pages at once)',
        params: Id,
        body: EventUpdate,
        response: { 200: AdminEvent, ...problemResponses(400, 404) },
      },
    },
    async (req) => catalog.updateEvent(req.params.id, req.body),
  );
  r.post(
    '/api/admin/events/:id/status',
    {
      schema: {
        tags,
        summary: 'draft → published → cancelled | ended',
        params: Id,
        body: EventStatusChange,
        response: { 200: AdminEvent, ...problemResponses(400, 404, 409) },
      },
    },
    async (req) => catalog.changeStatus(req.params.id, req.body.status),
  );
}
