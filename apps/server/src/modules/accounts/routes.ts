import { LoginBody, MeResponse, SignupBody } from '@ticketing/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, requireUser, setSessionCookie } from '../../http/auth.ts';
import { problemResponses } from '../../http/responses.ts';
import type { AccountsService } from './service.ts';

export function accountsRoutes(
  app: FastifyInstance,
  deps: { accounts: AccountsService; cookieSecure: boolean },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { accounts, cookieSecure } = deps;
  const client = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip ?? null,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
  });

  r.post(
    '/api/auth/signup',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create an account and sign in',
        body: SignupBody,
        response: { 201: MeResponse, ...problemResponses(400, 409, 429) },
      },
    },
    async (req, reply) => {
      const { user, session } = await accounts.signup(req.body, client(req));
      setSessionCookie(reply, session.token, session.expiresAt, cookieSecure);
      return reply.status(201).send({ user });
    },
  );

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with email and password',
        body: LoginBody,
        response: { 200: MeResponse, ...problemResponses(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const { user, session } = await accounts.login(req.body, client(req));
      setSessionCookie(reply, session.token, session.expiresAt, cookieSecure);
      return { user };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { tags: ['accounts'], summary: 'Sign out (ends this session)', response: { 204: z.null() } } },
    async (req, reply) => {
      await accounts.logout(req.cookies.sid);
      clearSessionCookie(reply, cookieSecure);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user',
        response: { 200: MeResponse, ...problemResponses(401) },
      },
    },
    async (req) => ({ user: await requireUser(req) }),
  );
}
