import { AdminLayout, AdminVenue, LayoutCreate, VenueCreate, VenueUpdate } from '@ticketing/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../http/responses.ts';
import { SVG_MAX_BYTES } from './build-plan.ts';
import type { VenuesService } from './service.ts';

const Id = z.object({ id: z.uuid() });
const tags = ['admin: venues'];
// An uploaded stadium SVG is several MiB; allow it (plus JSON escaping) on the layout routes only.
const layoutBodyLimit = Math.ceil(SVG_MAX_BYTES * 1.2);

export function venueAdminRoutes(app: FastifyInstance, deps: { venues: VenuesService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { venues } = deps;

  r.get(
    '/api/admin/venues',
    {
      schema: {
        tags,
        summary: 'Venues with their current layouts',
        response: { 200: z.object({ items: z.array(AdminVenue) }) },
      },
    },
    async () => ({ items: await venues.listVenues() }),
  );
  r.post(
    '/api/admin/venues',
    {
      schema: {
        tags,
        summary: 'Create a venue',
        body: VenueCreate,
        response: { 201: AdminVenue, ...problemResponses(400, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await venues.createVenue(req.body)),
  );
  r.get(
    '/api/admin/venues/:id',
    { schema: { tags, params: Id, response: { 200: AdminVenue, ...problemResponses(404) } } },
    async (req) => venues.getVenue(req.params.id),
  );
  r.patch(
    '/api/admin/venues/:id',
    {
      schema: {
        tags,
        params: Id,
        body: VenueUpdate,
        response: { 200: AdminVenue, ...problemResponses(400, 404) },
      },
    },
    async (req) => venues.updateVenue(req.params.id, req.body),
  );
  r.post(
    '/api/admin/venues/:id/layouts',
    {
      bodyLimit: layoutBodyLimit,
      schema: {
        tags,
        summary: 'Add a procedural or SVG layout to a venue',
        params: Id,
        body: LayoutCreate,
        response: { 201: AdminLayout, ...problemResponses(400, 404, 413) },
      },
    },
    async (req, reply) => reply.status(201).send(await venues.createLayout(req.params.id, req.body)),
  );
  r.post(
    '/api/admin/layouts/preview',
    {
      bodyLimit: layoutBodyLimit,
      schema: {
        tags,
        summary: 'Validate and expand a layout without saving it',
        body: LayoutCreate,
        response: {
          200: z.object({
            plan: z.unknown(),
            capacity: z.number(),
            categories: z.array(z.object({ key: z.string(), label: z.string(), color: z.string() })),
            warnings: z.array(z.string()),
            sectionsWithoutCategory: z
              .array(z.object({ sectionId: z.string(), label: z.string(), seats: z.number() }))
              .describe('Sections whose seats still need a category; map them, then save'),
          }),
          ...problemResponses(400, 413),
        },
      },
    },
    async (req) => venues.preview(req.body),
  );
  r.get(
    '/api/admin/layouts/:id',
    { schema: { tags, params: Id, response: { 200: AdminLayout, ...problemResponses(404) } } },
    async (req) => venues.getLayout(req.params.id),
  );
  r.put(
    '/api/admin/layouts/:id',
    {
      bodyLimit: layoutBodyLimit,
      schema: {
        tags,
        summary: 'Edit a layout (a new version when sessions already sell from it)',
        params: Id,
        body: LayoutCreate,
        response: { 200: AdminLayout, ...problemResponses(400, 404, 413) },
      },
    },
    async (req) => venues.updateLayout(req.params.id, req.body),
  );
}
