import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestApp, testConfig } from '../../../test/app.ts';
import { openPglite } from '../../../test/databases.ts';

const TOKEN = 'scrape-token-0123456789abcdef';
const productionEnv = () => ({
  NODE_ENV: 'production',
  TICKET_SIGNING_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'der', type: 'pkcs8' })
    .toString('base64'),
});

describe('/metrics access', () => {
  const apps: Awaited<ReturnType<typeof makeTestApp>>[] = [];
  const start = async (env: Record<string, string>) => {
    const ctx = await makeTestApp(await openPglite(), { env });
    apps.push(ctx);
    return ctx.app;
  };
  afterAll(async () => {
    for (const ctx of apps) {
      await ctx.app.close();
      await ctx.database.close();
    }
  });

  it('in production asks for the metrics token and answers parseable text with it', async () => {
    const app = await start({ ...productionEnv(), METRICS_TOKEN: TOKEN });
    const anonymous = await app.inject({ method: 'GET', url: '/metrics' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(anonymous.json().code).toBe('METRICS_TOKEN_REQUIRED');
    const wrong = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}x` },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.statusCode).toBe(200);
    const names = (parsePrometheusTextFormat(right.body) as { name: string }[]).map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['http_request_duration_seconds', 'ticketing_orders']));
  });

  it('in production without a token has no /metrics at all', async () => {
    const app = await start(productionEnv());
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });

  it('outside production is open, unless a token is set', async () => {
    const open = await start({});
    expect((await open.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    const closed = await start({ METRICS_TOKEN: TOKEN });
    expect((await closed.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
  });

  it('exposes every metric the Grafana dashboard in deploy/ queries', async () => {
    const app = await start({});
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    const exposed = new Set((parsePrometheusTextFormat(res.body) as { name: string }[]).map((f) => f.name));
    const dashboard = JSON.parse(
      fs.readFileSync(new URL('../../../../../deploy/grafana/ticketing.json', import.meta.url), 'utf8'),
    );
    const exprs: string[] = dashboard.panels.flatMap((p: { targets?: { expr: string }[] }) =>
      (p.targets ?? []).map((t) => t.expr),
    );
    const used = new Set(
      exprs.flatMap((e) => e.match(/\b(?:http|ticketing|nodejs|process)_[a-z0-9_]+/g) ?? []),
    );
    expect(used.size).toBeGreaterThan(15);
    for (const name of used) expect(exposed, name).toContain(name.replace(/_(bucket|count|sum)$/, ''));
  });

  it('refuses a token shorter than 16 characters at start-up', () => {
    expect(() => testConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
