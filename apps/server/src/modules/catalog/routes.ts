import { EventDetail, EventsPage, EventsQuery, EventTypeList, SessionDetail } from '@ticketing/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendCachedJson } from '../../http/cached-json.ts';
import { problemResponses } from '../../http/responses.ts';
import type { CatalogService } from './service.ts';

const Id = z.object({ id: z.uuid() });
const tags = ['browse'];

/** Public browse routes: served from an in-process cache with ETags, never waiting on Redis. */
export function catalogRoutes(app: FastifyInstance, deps: { catalog: CatalogService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { catalog } = deps;

  r.get(
    '/api/event-types',
    {
      schema: {
        tags,
        summary: 'Active event types',
        response: { 200: EventTypeList },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return { items: await catalog.listEventTypes() };
    },
  );

  r.get(
    '/api/events',
    {
      schema: {
        tags,
        summary: 'Browse and search published events',
        description:
          'Full-text search over title, tags and description; when nothing matches, a typo-tolerant title match (`fuzzy: true`).',
        querystring: EventsQuery,
        response: { 200: EventsPage, ...problemResponses(400) },
      },
    },
    async (req, reply) => sendCachedJson(req, reply, await catalog.search(req.query)),
  );

  r.get(
    '/api/events/:id',
    {
      schema: {
        tags,
        summary: 'One event with its sessions, venues, prices and live availability per category',
        params: Id,
        response: { 200: EventDetail, ...problemResponses(404) },
      },
    },
    async (req, reply) => sendCachedJson(req, reply, await catalog.eventDetail(req.params.id)),
  );

  r.get(
    '/api/sessions/:id',
    {
      schema: {
        tags,
        summary: 'One session with prices and live availability per category',
        params: Id,
        response: {
          200: SessionDetail,
          ...problemResponses(404),
        },
      },
    },
    async (req, reply) => sendCachedJson(req, reply, await catalog.sessionDetail(req.params.id)),
  );
}
