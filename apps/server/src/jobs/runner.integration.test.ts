import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends, type TestDatabase } from '../../test/databases.ts';
import { queryRows } from '../db/client.ts';
import { createJobRunner, type JobContext, type JobRunner } from './runner.ts';

const backends = await databaseBackends();
const log = pino({ level: 'silent' });

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(backends)('pg-boss job runner on $name', (backend) => {
  let database: TestDatabase;
  let jobs: JobRunner;
  const seen: JobContext<{ n: number }>[] = [];
  let failFirst = new Set<number>();

  beforeAll(async () => {
    database = await backend.open();
    jobs = createJobRunner({ database, log, pollingIntervalSeconds: 0.5 });
    jobs.defineQueue({
      name: 'probe',
      retryLimit: 3,
      retryDelaySeconds: 1,
      retryBackoff: true,
      expireInSeconds: 30,
    });
    await jobs.start();
    await jobs.work<{ n: number }>('probe', { concurrency: 2 }, async (job) => {
      seen.push(job);
      if (failFirst.has(job.data.n)) {
        failFirst.delete(job.data.n);
        throw new Error(`refused ${job.data.n}`);
      }
    });
  });
  afterAll(async () => {
    await jobs.stop();
    await database.close();
  });

  it('runs a job enqueued in a transaction that commits, and none from one that rolls back', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await jobs.sendInTransaction(tx, 'probe', { n: 1 });
    });
    await database.db
      .transaction(async (tx) => {
        await jobs.sendInTransaction(tx, 'probe', { n: 2 });
        throw new Error('roll back');
      })
      .catch(() => {});
    jobs.wake('probe');
    await until(() => seen.some((j) => j.data.n === 1));
    await new Promise((r) => setTimeout(r, 600));
    expect(seen.filter((j) => j.data.n === 2)).toHaveLength(0);
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pgboss.job where name = 'probe' and data->>'n' = '2'`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('retries a failed attempt with backoff and then completes it', async () => {
    failFirst = new Set([3]);
    const id = await jobs.send('probe', { n: 3 });
    jobs.wake('probe');
    await until(() => seen.filter((j) => j.data.n === 3).length === 2);
    const attempts = seen.filter((j) => j.data.n === 3).map((j) => j.retryCount);
    expect(attempts).toEqual([0, 1]);
    await until(async () => (await jobs.getJob('probe', id))?.state === 'completed');
  });

  it('drains a backlog without sleeping between jobs', async () => {
    const started = Date.now();
    await Promise.all(Array.from({ length: 40 }, (_, i) => jobs.send('probe', { n: 100 + i })));
    jobs.wake('probe');
    await until(() => seen.filter((j) => j.data.n >= 100).length === 40);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe.runIf(backends.some((b) => b.name === 'postgres'))(
  'pg-boss start-up by many processes at once',
  () => {
    it('starts every runner when several create the same queues on a fresh database at the same moment', async () => {
      const backend = backends.find((b) => b.name === 'postgres')!;
      for (let round = 0; round < 3; round++) {
        const database = await backend.open();
        const runners = Array.from({ length: 4 }, () => {
          const r = createJobRunner({ database, log, pollingIntervalSeconds: 0.5 });
          for (const name of ['a', 'b', 'c'])
            r.defineQueue({
              name,
              retryLimit: 1,
              retryDelaySeconds: 1,
              retryBackoff: false,
              expireInSeconds: 30,
            });
          return r;
        });
        try {
          await Promise.all(runners.map((r) => r.start()));
        } finally {
          await Promise.all(runners.map((r) => r.stop().catch(() => {})));
          await database.close();
        }
      }
    });
  },
);
