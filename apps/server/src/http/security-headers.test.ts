import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders, securityHeaders } from './security-headers.ts';

describe('security headers', () => {
  it('computes helmet’s headers once, with our CSP and without HSTS when asked', () => {
    const h = securityHeaders({
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], objectSrc: ["'none'"] } },
      hsts: false,
    });
    expect(h['content-security-policy']).toContain("default-src 'self'");
    expect(h['content-security-policy']).toContain("object-src 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['strict-transport-security']).toBeUndefined();
    expect(securityHeaders({ hsts: { maxAge: 100 } })['strict-transport-security']).toBe(
      'max-age=100; includeSubDomains',
    );
  });

  it('gives JSON answers the short API set and pages the full set', async () => {
    const { default: Fastify } = await import('fastify');
    const app = Fastify();
    registerSecurityHeaders(app, { cookieSecure: true, env: 'production' });
    app.get('/api/x', async () => ({ ok: true }));
    app.get('/page', async () => 'hi');
    const api = await app.inject({ url: '/api/x' });
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers['cross-origin-opener-policy']).toBeUndefined();
    expect(api.headers['strict-transport-security']).toContain('max-age=');
    const page = await app.inject({ url: '/page' });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    await app.close();
  });
});
