import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/actors.ts';
import { makeTestApp } from '../../../test/app.ts';
import { openPostgres, type TestDatabase } from '../../../test/databases.ts';
import { requireService, TEST_REDIS_URL } from '../../../test/services.ts';
import { createRedisCoordinator } from '../../coord/redis.ts';

/**
 * Logins are cached per process for SESSION_CACHE_MS; a logout must still end the session in every
 * process at once, through the coordinator.
 */
const pgUp = await requireService('postgres');
const redisUp = await requireService('redis');

describe.runIf(pgUp && redisUp)('logout across processes (PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let a: Awaited<ReturnType<typeof makeTestApp>>;
  let b: Awaited<ReturnType<typeof makeTestApp>>;

  beforeAll(async () => {
    db = await openPostgres(4);
    const keyPrefix = `tk-revoke-${randomUUID()}:`;
    a = await makeTestApp(db, { coord: createRedisCoordinator({ url: TEST_REDIS_URL, keyPrefix }) });
    b = await makeTestApp(db, { coord: createRedisCoordinator({ url: TEST_REDIS_URL, keyPrefix }) });
  });
  afterAll(async () => {
    await a.app.close();
    await b.app.close();
    await a.coord.close();
    await b.coord.close();
    await db.close();
  });

  it('ends a session cached by another process as soon as it logs out', async () => {
    const who = await signIn(a.app);
    const me = () => b.app.inject({ url: '/api/me', headers: { cookie: who.cookie } });
    expect((await me()).statusCode).toBe(200); // now cached by process b
    expect((await who.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    const deadline = Date.now() + 2_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await me()).statusCode;
      if (status === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(401);
  });
});
