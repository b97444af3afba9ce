import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../../http/auth.ts';
import { AppError, NotFound } from '../../lib/errors.ts';
import { sniffImage } from './image-type.ts';

const MAX_BYTES = 5 * 1024 * 1024;
const NAME = /^[0-9a-f]{64}\.(png|jpg|webp)$/;
const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

class NotAnImage extends AppError {
  constructor() {
    super(
      415,
      'NOT_AN_IMAGE',
      'Unsupported image',
      'Upload a PNG, JPEG or WebP image (SVG is not accepted for event images).',
    );
  }
}

/**
 * Event images: an admin uploads the raw bytes; the file is stored under DATA_DIR/uploads by the
 * SHA-256 of its content (so it is immutable and cacheable forever) and served from /uploads.
 * The type is decided by the bytes, never by the request, and SVG is refused (it can carry script).
 */
export function uploadRoutes(app: FastifyInstance, deps: { dataDir: string }) {
  const dir = path.resolve(deps.dataDir, 'uploads');

  app.register(async (scope) => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'application/octet-stream'])
      scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_req, body, done) =>
        done(null, body),
      );
    scope.post(
      '/api/admin/uploads',
      {
        onRequest: requireRole('admin'),
        bodyLimit: MAX_BYTES,
        schema: {
          tags: ['admin: events'],
          summary: 'Upload an event image (raw PNG, JPEG or WebP bytes, at most 5 MiB)',
          response: { 201: z.object({ url: z.string() }) },
        },
      },
      async (req, reply) => {
        const body = req.body as Buffer | undefined;
        const type = body ? sniffImage(body) : null;
        if (!body || !type) throw new NotAnImage();
        const name = `${createHash('sha256').update(body).digest('hex')}.${type.ext}`;
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, name);
        if (!fs.existsSync(file)) fs.writeFileSync(file, body);
        return reply.status(201).send({ url: `/uploads/${name}` });
      },
    );
  });

  app.get('/uploads/:name', { schema: { hide: true } }, async (req, reply) => {
    const { name } = req.params as { name: string };
    if (!NAME.test(name)) throw new NotFound('Image');
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) throw new NotFound('Image');
    reply
      .header('content-type', MIME[name.split('.')[1]!]!)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff');
    return reply.send(fs.createReadStream(file));
  });
}
