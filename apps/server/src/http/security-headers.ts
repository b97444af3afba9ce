import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config.ts';

/**
 * Security headers from helmet, computed once at start-up and copied onto every reply.
 *
 * helmet is middleware that builds its header values when constructed; the Fastify plugin around it
 * constructed it again on every request (re-parsing the CSP directives each time), which cost the
 * hottest routes — queue polls, holds — a sixth of their time. Our options never vary per request
 * (no CSP nonces), so the values are fixed: run helmet once against a recording response.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

/**
 * JSON answers need only the headers that matter to a non-document (OWASP's REST cheat sheet):
 * nosniff, no framing, and HSTS when it is on. The document-only policies (CSP and friends) go
 * on everything else: the web app, the docs and uploads.
 */
const API_HEADERS = [
  'x-content-type-options',
  'x-frame-options',
  'strict-transport-security',
  'referrer-policy',
];

/** Our policies: the same on every process (the main app and the queue edge). */
export function platformHeaderOptions(config: Pick<Config, 'cookieSecure' | 'env'>): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    // The HSTS promise only makes sense behind TLS, which production terminates in front of us.
    hsts: config.env === 'production',
    crossOriginEmbedderPolicy: false,
  };
}

export function registerSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'cookieSecure' | 'env'>) {
  const all = securityHeaders(platformHeaderOptions(config));
  const api: Record<string, string> = {
    ...Object.fromEntries(API_HEADERS.filter((h) => h in all).map((h) => [h, all[h]!])),
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  };
  app.addHook('onRequest', (req, reply, done) => {
    // /api/docs is a page (Swagger UI): it gets the document policies.
    reply.headers(req.url.startsWith('/api/') && !req.url.startsWith('/api/docs') ? api : all);
    done();
  });
  return { all, api };
}
