import type { FastifyInstance } from 'fastify';
import { requireRole } from './auth.ts';

/**
 * Registers admin routes in a scope whose every request is checked for the admin role first, in
 * onRequest: a non-admin gets 403 (anonymous 401) before the body is even parsed or validated.
 */
export function adminScope(app: FastifyInstance, register: (admin: FastifyInstance) => void) {
  app.register(async (scope) => {
    scope.addHook('onRequest', requireRole('admin'));
    register(scope);
  });
}
