import type { FastifyInstance } from 'fastify';

/**
 * One log line per request, when it has been answered (Fastify's own request logging writes two:
 * "incoming request" and "request completed", each a synchronous write at info level, on every
 * hold and join of an on-sale). Routes can lower their level (queue polls log only warnings),
 * which this respects because it logs through the request's own logger.
 *
 * Queue tokens travel in the query string; they are cut from the logged URL.
 */
const LOGS_INFO = new Set(['info', 'debug', 'trace']);

export function installRequestLog(app: FastifyInstance) {
  app.addHook('onResponse', (req, reply, done) => {
    if (LOGS_INFO.has(req.log.level)) {
      req.log.info(
        {
          method: req.method,
          url: req.url.includes('token=') ? req.url.replace(/([?&]token=)[^&]*/g, '$1…') : req.url,
          statusCode: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request',
      );
    }
    done();
  });
}
