import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, sessionCookie } from '../../../test/app.ts';
import { databaseBackends } from '../../../test/databases.ts';
import { queryRows } from '../../db/client.ts';

const backends = await databaseBackends();

describe.each(backends)('accounts on $name', (backend) => {
  let ctx: Awaited<ReturnType<typeof makeTestApp>>;
  beforeAll(async () => {
    ctx = await makeTestApp(await backend.open());
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.database.close();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'POST', url, payload: payload as object, headers });
  const signup = (email: string, extra: Record<string, unknown> = {}) =>
    post('/api/auth/signup', { email, password: 'correct horse battery', name: 'Ada Lovelace', ...extra });

  it('signs up, sets an httpOnly SameSite session cookie and answers /api/me', async () => {
    const res = await signup('ada@example.com');
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace', role: 'user' });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await ctx.app.inject({ url: '/api/me', headers: { cookie: sessionCookie(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe('ada@example.com');
  });

  it('never stores the password in clear and hashes it with argon2id', async () => {
    await signup('hash@example.com');
    const rows = await queryRows<{ password_hash: string }>(
      ctx.database.db,
      sql`select password_hash from users where email = 'hash@example.com'`,
    );
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]!.password_hash).not.toContain('correct horse');
  });

  it('refuses a duplicate email whatever its case with 409 EMAIL_TAKEN', async () => {
    await signup('dup@example.com');
    const res = await signup('DUP@Example.com');
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'EMAIL_TAKEN', status: 409 });
  });

  it('rejects invalid sign-up input with field errors', async () => {
    const res = await post('/api/auth/signup', { email: 'not-an-email', password: 'short', name: '' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'name']));
  });

  it('rejects extra fields and wrong types', async () => {
    const extra = await signup('extra@example.com', { role: 'admin' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().detail).toMatch(/role/);
    const wrongType = await post('/api/auth/signup', { email: 42, password: ['x'], name: true });
    expect(wrongType.statusCode).toBe(400);
  });

  it('refuses a common password with WEAK_PASSWORD', async () => {
    const res = await post('/api/auth/signup', {
      email: 'weak@example.com',
      password: 'password123',
      name: 'W',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('WEAK_PASSWORD');
  });

  it('logs in with the right password and refuses a wrong one with 401', async () => {
    await signup('login@example.com');
    const ok = await post('/api/auth/login', {
      email: 'Login@Example.com',
      password: 'correct horse battery',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.email).toBe('login@example.com');
    const bad = await post('/api/auth/login', { email: 'login@example.com', password: 'wrong password!' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('INVALID_CREDENTIALS');
    const nobody = await post('/api/auth/login', { email: 'nobody@example.com', password: 'whatever123' });
    expect(nobody.statusCode).toBe(401);
    expect(nobody.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('logs out: the session stops working and the cookie is cleared', async () => {
    const res = await signup('logout@example.com');
    const cookie = sessionCookie(res);
    const out = await post('/api/auth/logout', undefined, { cookie });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/sid=;/);
    const me = await ctx.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 to /api/me without a session or with a forged one', async () => {
    expect((await ctx.app.inject({ url: '/api/me' })).statusCode).toBe(401);
    const forged = await ctx.app.inject({ url: '/api/me', headers: { cookie: 'sid=forged-token-value' } });
    expect(forged.statusCode).toBe(401);
  });

  it('rate limits login attempts per account with 429 and Retry-After', async () => {
    await signup('brute@example.com');
    const attempts = [];
    for (let i = 0; i < 12; i++) {
      attempts.push(
        await post('/api/auth/login', { email: 'brute@example.com', password: `guess-${i}-wrong` }),
      );
    }
    const codes = attempts.map((a) => a.statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
    expect(Number(attempts[11]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(attempts[11]!.json().code).toBe('RATE_LIMITED');
  });

  it('rate limits login attempts per client address across accounts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 62; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `spray${i}@example.com`, password: 'spray-password' },
        remoteAddress: '203.0.113.7',
      });
      codes.push(res.statusCode);
    }
    expect(codes.filter((c) => c === 429).length).toBeGreaterThan(0);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(60);
  });

  it('creates and promotes admins through ensureAccount (the CLI path)', async () => {
    const { user, created } = await ctx.app.services.accounts.ensureAccount({
      email: 'Boss@Example.com',
      password: 'a long admin password',
      name: 'Boss',
      role: 'admin',
    });
    expect(created).toBe(true);
    expect(user).toMatchObject({ email: 'boss@example.com', role: 'admin' });
    const again = await ctx.app.services.accounts.ensureAccount({
      email: 'boss@example.com',
      password: 'another long password',
      name: 'Boss',
      role: 'admin',
    });
    expect(again.created).toBe(false);
    const login = await post('/api/auth/login', {
      email: 'boss@example.com',
      password: 'another long password',
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.role).toBe('admin');
  });
});
