import type { FastifyInstance, onResponseHookHandler } from 'fastify';
import type { HttpRecorder } from './recorder.ts';

/**
 * Times every response by its route pattern (never the raw URL, which would be one series per
 * seat or order id). Each route gets its own onResponse hook, made once at registration with its
 * series in the closure: a request costs no lookup, no label object and no timer of ours, since
 * Fastify already measures `reply.elapsedTime`. Requests no route matched are recorded by one
 * app-wide hook that skips everything else with a single check.
 *
 * Call before any route is registered (right after creating the app): onRoute sees only later routes.
 */
export function installHttpMetrics(app: FastifyInstance, http: HttpRecorder) {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const byMethod = new Map(methods.map((m) => [m, http.route(m, route.url)]));
    const only = methods.length === 1 ? byMethod.get(methods[0]!)! : null;
    const record: onResponseHookHandler = (req, reply, done) => {
      const series = only ?? byMethod.get(req.method);
      series?.record(reply.statusCode, reply.elapsedTime);
      done();
    };
    const existing = route.onResponse;
    route.onResponse = existing ? [...(Array.isArray(existing) ? existing : [existing]), record] : [record];
  });
  app.addHook('onResponse', (req, reply, done) => {
    if (req.is404) http.unmatched.record(reply.statusCode, reply.elapsedTime);
    done();
  });
}
