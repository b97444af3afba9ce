import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test/app.ts';
import { openPglite } from '../../test/databases.ts';

describe('HTTP conventions', () => {
  let ctx: Awaited<ReturnType<typeof makeTestApp>>;
  beforeAll(async () => {
    ctx = await makeTestApp(await openPglite(), { env: { BODY_LIMIT_BYTES: '4096' } });
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.database.close();
  });

  const expectProblem = (
    res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    const body = res.json() as Record<string, unknown>;
    expect(body).toMatchObject({ status, code });
    expect(typeof body.type).toBe('string');
    expect(typeof body.title).toBe('string');
    expect(body.requestId).toBe(res.headers['x-request-id']);
    return body;
  };

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expectProblem(res, 400, 'MALFORMED_JSON');
  });

  it('answers an empty JSON body with 400', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(400);
  });

  it('answers a missing body with 400 VALIDATION', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/signup' });
    expectProblem(res, 400, 'VALIDATION');
  });

  it('answers an oversized body with 413 BODY_TOO_LARGE', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.cd', password: 'x'.repeat(10_000), name: 'n' }),
    });
    expectProblem(res, 413, 'BODY_TOO_LARGE');
  });

  it('answers a non-JSON media type with 415', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses prototype-pollution keys in JSON', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__": {"admin": true}, "email": "a@b.cd", "password": "x"}',
    });
    expect(res.statusCode).toBe(400);
  });

  it('answers unknown API routes with 404 ROUTE_NOT_FOUND', async () => {
    const res = await ctx.app.inject({ url: '/api/nope' });
    const body = expectProblem(res, 404, 'ROUTE_NOT_FOUND');
    expect(body.detail).toContain('/api/nope');
  });

  it('answers a wrong method with a 404 problem, not a 500', async () => {
    const res = await ctx.app.inject({ method: 'DELETE', url: '/api/me' });
    expectProblem(res, 404, 'ROUTE_NOT_FOUND');
  });

  it('echoes a sane caller request id and invents one otherwise', async () => {
    const given = await ctx.app.inject({ url: '/api/health', headers: { 'x-request-id': 'abc-12345678' } });
    expect(given.headers['x-request-id']).toBe('abc-12345678');
    const hostile = await ctx.app.inject({
      url: '/api/health',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers', async () => {
    const res = await ctx.app.inject({ url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // A JSON answer gets the API set: nothing may be loaded or framed by it.
    expect(String(res.headers['content-security-policy'])).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('reports db and coordinator in /api/health', async () => {
    const res = await ctx.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      db: { ok: true, kind: 'pglite' },
      coordinator: { ok: true, kind: 'memory' },
    });
  });

  it('publishes OpenAPI with the account routes and serves the docs UI', async () => {
    const spec = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/signup',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/me',
        '/api/health',
      ]),
    );
    expect(spec.paths['/api/auth/signup'].post.requestBody).toBeDefined();
    const docs = await ctx.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
