import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Serves the built SPA; unknown non-API GETs that want HTML get index.html (client-side routes). */
export async function registerWeb(app: FastifyInstance): Promise<boolean> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.log.warn({ dir: WEB_DIST }, 'web app not built; run `npm run build:web` (npm start does this)');
    return false;
  }
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    index: false,
    // Hashed asset names never change content; index.html must always be revalidated.
    setHeaders(res, filePath) {
      res.setHeader(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  return true;
}

export function wantsSpa(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url;
  if (url.startsWith('/api/') || url === '/api' || url.startsWith('/metrics')) return false;
  if (path.extname(url.split('?')[0] ?? '')) return false;
  return String(req.headers.accept ?? '').includes('text/html');
}

export function sendSpa(reply: FastifyReply) {
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}
