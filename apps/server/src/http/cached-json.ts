import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedBody } from '../lib/response-cache.ts';

/**
 * Sends a cached JSON body with its ETag; answers 304 when the client already has it. Browsers
 * revalidate every time (max-age=0) so admin edits show at once; shared caches may keep it 2 s.
 */
export function sendCachedJson(req: FastifyRequest, reply: FastifyReply, cached: CachedBody) {
  reply.header('etag', cached.etag);
  reply.header('cache-control', 'public, max-age=0, s-maxage=2, stale-while-revalidate=30');
  if (req.headers['if-none-match'] === cached.etag) return reply.status(304).send();
  return reply.type('application/json; charset=utf-8').send(cached.body);
}
