import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/actors.ts';
import { makeTestApp } from '../../../test/app.ts';
import { openPglite } from '../../../test/databases.ts';
import { requireService, TEST_REDIS_URL } from '../../../test/services.ts';
import { createRedisCoordinator } from '../../coord/redis.ts';

const redisUp = await requireService('redis');
const keyPrefix = `tk-test-monitoring-${process.pid}-${Date.now()}:`;

describe.runIf(redisUp)('performance figures across processes (Redis)', () => {
  const apps: Awaited<ReturnType<typeof makeTestApp>>[] = [];
  afterAll(async () => {
    for (const ctx of apps) {
      await ctx.app.close();
      await ctx.coord.close();
      await ctx.database.close();
    }
    const admin = new Redis(TEST_REDIS_URL);
    const keys = await admin.keys(`${keyPrefix}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
  });

  it('adds up the requests of two server processes that share one Redis', async () => {
    // Two apps with their own database and coordinator connection: two processes as far as
    // monitoring can tell (each has its own process id and window).
    for (let i = 0; i < 2; i++)
      apps.push(
        await makeTestApp(await openPglite(), {
          coord: createRedisCoordinator({ url: TEST_REDIS_URL, keyPrefix }),
        }),
      );
    const [a, b] = apps as [(typeof apps)[0], (typeof apps)[0]];
    for (let i = 0; i < 3; i++) await a.app.inject({ method: 'GET', url: '/api/health' });
    for (let i = 0; i < 7; i++) await b.app.inject({ method: 'GET', url: '/api/health' });
    await Promise.all([a.app.monitoring.flush(), b.app.monitoring.flush()]);

    const admin = await signIn(a.app, 'admin');
    const perf = (await admin.get('/api/admin/monitoring/performance?minutes=5')).json();
    expect(perf.processes).toBe(2);
    const health = perf.routes.find((r: { route: string }) => r.route === '/api/health');
    expect(health.requests).toBe(10);
    expect(perf.minutes.at(-1).processes).toBe(2);
  });
});
