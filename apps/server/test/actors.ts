import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sessionCookie } from './app.ts';

type Reply = Promise<LightMyRequestResponse>;

/** A signed-in client of the test app: inject with its session cookie. */
export type Actor = {
  cookie: string;
  get(url: string): Reply;
  post(url: string, payload?: unknown): Reply;
  put(url: string, payload?: unknown): Reply;
  patch(url: string, payload?: unknown): Reply;
  del(url: string): Reply;
};

export function actor(app: FastifyInstance, cookie: string): Actor {
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  return {
    cookie,
    get: (url) => call('GET', url),
    post: (url, payload) => call('POST', url, payload),
    put: (url, payload) => call('PUT', url, payload),
    patch: (url, payload) => call('PATCH', url, payload),
    del: (url) => call('DELETE', url),
  };
}

let counter = 0;
/** Signs up a fresh user (role user) or creates an admin through the service, then logs in. */
export async function signIn(
  app: FastifyInstance,
  role: 'user' | 'admin' | 'staff' = 'user',
): Promise<Actor> {
  const email = `${role}${++counter}-${Date.now()}@example.com`;
  const password = 'a very fine password';
  if (role === 'user') {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email, password, name: `Test ${role}` },
      // Each test user arrives from its own address so the per-IP sign-up limit does not apply.
      remoteAddress: `198.18.${(counter >> 8) & 255}.${counter & 255}`,
    });
    return actor(app, sessionCookie(res));
  }
  await app.services.accounts.ensureAccount({ email, password, name: `Test ${role}`, role });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: `198.19.${(counter >> 8) & 255}.${counter & 255}`,
  });
  return actor(app, sessionCookie(res));
}
