import type { User } from '@ticketing/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden, Unauthenticated } from '../lib/errors.ts';

export const SESSION_COOKIE = 'sid';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, looked up at most once per request and only when a route asks. */
    currentUser(): Promise<User | null>;
    userLookup: Promise<User | null> | null;
  }
}

export function registerAuth(
  app: FastifyInstance,
  resolve: (token: string | undefined) => Promise<User | null>,
) {
  app.decorateRequest('userLookup', null);
  app.decorateRequest('currentUser', function (this: FastifyRequest) {
    this.userLookup ??= resolve(this.cookies[SESSION_COOKIE]);
    return this.userLookup;
  });
}

export async function requireUser(req: FastifyRequest): Promise<User> {
  const user = await req.currentUser();
  if (!user) throw new Unauthenticated();
  return user;
}

/** preHandler: only these roles pass; anonymous callers get 401, others 403. */
export function requireRole(...roles: User['role'][]) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const user = await requireUser(req);
    if (!roles.includes(user.role)) throw new Forbidden(`This needs the ${roles.join(' or ')} role.`);
  };
}

export function setSessionCookie(reply: FastifyReply, token: string, expires: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
