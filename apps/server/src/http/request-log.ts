import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

const LOGS_INFO = new Set(['info', 'debug', 'trace']);

/**
 * One log line per request, when it has been answered (Fastify's default writes two: "incoming
 * request" and "request completed", each a write at info level, on every hold and join of an
 * on-sale). Routes can lower their level (queue polls log only warnings), which this respects
 * because it logs through the request's own logger. Errors keep Fastify's own line.
 *
 * Queue tokens travel in the query string; they are cut from the logged URL.
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (error) return super.requestCompleted(error, request, reply);
    if (!LOGS_INFO.has(reply.log.level)) return;
    const url = request.url;
    reply.log.info(
      {
        method: request.method,
        url: url.includes('token=') ? url.replace(/([?&]token=)[^&]*/g, '$1…') : url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  }
}
