import http from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AppDeps } from '../app.ts';
import type { Config } from '../config.ts';
import { requestIdOf } from './fast-path.ts';
import { errorToProblem, problem, retryAfterOf, sendProblem } from './problem.ts';
import { OneLineRequestLog } from './request-log.ts';

/** Answers a request before the framework (true), or leaves it untouched for the routes (false). */
export type FastPath = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

/**
 * The Fastify instance both server kinds start from (app.ts, queue-edge.ts): one request log line,
 * our own request ids, and a raw-request hook for the answers given before the framework, set once
 * the services that give them exist.
 */
export function serverInstance(config: Config, logger: AppDeps['logger']) {
  let fastPath: FastPath | null = null;
  const app = Fastify({
    serverFactory: (handler) =>
      http.createServer((req, res) => {
        if (!fastPath?.(req, res)) handler(req, res);
      }),
    logger: logger ?? { level: config.logLevel },
    // One line per answered request instead of two (http/request-log.ts).
    logController: new OneLineRequestLog(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // genReqId reads X-Request-Id itself: Fastify would otherwise trust any value the caller sends.
    requestIdHeader: false,
    // Accept a caller's request id only if it looks like one, so logs cannot be polluted.
    genReqId: (req) => requestIdOf(req.headers['x-request-id']),
    return503OnClosing: true,
    // Live seat-map streams never go idle; on shutdown they are cut (browsers reconnect elsewhere).
    forceCloseConnections: true,
  });
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });
  return {
    app: app as unknown as FastifyInstance,
    setFastPath(path: FastPath) {
      fastPath = path;
    },
  };
}

/**
 * Every error as RFC 9457 problem+json, and unknown routes as a 404 problem, unless `notFound`
 * answers them first (the web app's pages).
 */
export function registerProblemHandlers(
  app: FastifyInstance,
  notFound?: (req: FastifyRequest, reply: FastifyReply) => FastifyReply | null,
) {
  app.setErrorHandler((err, req, reply) => {
    const body = errorToProblem(err, req);
    if (body.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: body.code, status: body.status }, 'request refused');
    const retryAfter = retryAfterOf(err);
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    return sendProblem(reply, body);
  });
  app.setNotFoundHandler((req, reply) => {
    return (
      notFound?.(req, reply) ??
      sendProblem(
        reply,
        problem(
          req,
          404,
          'ROUTE_NOT_FOUND',
          'Not found',
          `No route for ${req.method} ${req.url.split('?')[0]}.`,
        ),
      )
    );
  });
}
