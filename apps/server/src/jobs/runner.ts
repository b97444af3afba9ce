import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';
import { databaseExecutor, type Tx, transactionExecutor } from './sql-executor.ts';

export type QueueSpec = {
  name: string;
  /** Attempts after the first one. */
  retryLimit: number;
  /** Seconds before the first retry; with backoff each next wait doubles (with jitter). */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** An attempt running longer than this is failed (and retried). */
  expireInSeconds: number;
};

export type JobContext<T> = { id: string; data: T; retryCount: number; retryLimit: number };
export type JobHandler<T> = (job: JobContext<T>) => Promise<unknown>;

export type JobRunner = ReturnType<typeof createJobRunner>;

/** Told of every attempt this process's workers finish (the monitoring module counts them). */
export type JobOutcomeObserver = (queue: string, outcome: 'completed' | 'failed', ms: number) => void;

/**
 * pg-boss over our Database (PGlite or PostgreSQL): jobs live in the same database as the state
 * that causes them, so `sendInTransaction` commits a job together with that state, or neither.
 */
/**
 * Several server processes starting on a fresh database create the same queues at the same moment;
 * pg-boss's DDL for that can deadlock in PostgreSQL (seen: "deadlock detected" failing a start).
 * The loser of a deadlock is rolled back whole, so trying again is safe; by then the queue usually
 * exists and creating it is a no-op.
 */
/** Advisory lock key of job-runner start-up (any constant distinct from the migrations' key). */
const JOBS_START_LOCK = 7_250_301;

async function retryDeadlocks<T>(work: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== '40P01' || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 50 * i + Math.random() * 100));
    }
  }
}

export function createJobRunner(deps: {
  database: Pick<Database, 'kind' | 'db' | 'withConnection'>;
  log: FastifyBaseLogger;
  /** How often an idle worker looks for work (pg-boss's floor is 0.5 s). */
  pollingIntervalSeconds?: number;
  onOutcome?: JobOutcomeObserver;
}) {
  const executor = databaseExecutor(deps.database);
  const boss = new PgBoss({
    db: executor,
    migrate: true,
    supervise: true,
    // No cron schedules: skip the timekeeper's clock monitoring and its queries.
    schedule: false,
    maintenanceIntervalSeconds: 120,
  });
  boss.on('error', (err) => deps.log.warn({ err }, 'job runner error'));

  const queues = new Map<string, QueueSpec>();
  const workersOf = new Map<string, string[]>();
  let state: 'idle' | 'started' | 'stopped' = 'idle';

  const queueOptions = (q: QueueSpec) => ({
    name: q.name,
    retryLimit: q.retryLimit,
    retryDelay: q.retryDelaySeconds,
    retryBackoff: q.retryBackoff,
    expireInSeconds: q.expireInSeconds,
  });

  function assertQueue(name: string) {
    if (!queues.has(name)) throw new Error(`job queue ${name} is not defined`);
  }

  return {
    /** Declares a queue; created (or its retry policy updated) by start(). */
    defineQueue(spec: QueueSpec) {
      queues.set(spec.name, spec);
    },

    /** Installs or upgrades pg-boss's schema and creates the declared queues. Idempotent. */
    async start() {
      if (state === 'started') return;
      // One process at a time installs pg-boss's schema and creates the queues: several starting
      // together on a fresh database otherwise race on CREATE SCHEMA (a unique violation) and on
      // the queues' DDL (deadlocks). The pg-boss work runs on its own pool, not this connection.
      await deps.database.withConnection(async (db) => {
        await db.execute(sql`select pg_advisory_lock(${JOBS_START_LOCK})`);
        try {
          await boss.start();
          for (const q of queues.values()) {
            await retryDeadlocks(() => boss.createQueue(q.name, queueOptions(q)));
            await retryDeadlocks(() => boss.updateQueue(q.name, queueOptions(q)));
          }
        } finally {
          await db.execute(sql`select pg_advisory_unlock(${JOBS_START_LOCK})`);
        }
      });
      state = 'started';
    },

    /**
     * Runs `concurrency` polling workers on a queue. A worker that just finished a job looks for
     * the next one at once instead of sleeping its polling interval, so a backlog drains quickly.
     */
    async work<T>(name: string, opts: { concurrency: number }, handler: JobHandler<T>) {
      assertQueue(name);
      const ids: string[] = [];
      for (let i = 0; i < opts.concurrency; i++) {
        let workerId: string | undefined;
        workerId = await boss.work<T>(
          name,
          {
            batchSize: 1,
            includeMetadata: true,
            pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 2,
          },
          async ([job]) => {
            const started = performance.now();
            try {
              const result = await handler({
                id: job!.id,
                data: job!.data,
                retryCount: job!.retryCount,
                retryLimit: job!.retryLimit,
              });
              deps.onOutcome?.(name, 'completed', performance.now() - started);
              return result;
            } catch (err) {
              deps.onOutcome?.(name, 'failed', performance.now() - started);
              throw err;
            } finally {
              if (workerId) boss.notifyWorker(workerId);
            }
          },
        );
        ids.push(workerId);
      }
      workersOf.set(name, [...(workersOf.get(name) ?? []), ...ids]);
    },

    /** Wakes the queue's idle workers in this process (a job was just committed). */
    wake(name: string) {
      for (const id of workersOf.get(name) ?? []) boss.notifyWorker(id);
    },

    /** Enqueues outside any transaction. Returns the job id. */
    async send<T extends object>(name: string, data: T, opts: { id?: string } = {}) {
      assertQueue(name);
      const id = await boss.send(name, data, opts);
      if (!id) throw new Error(`job not enqueued on ${name} (is the queue created?)`);
      return id;
    },

    /**
     * Enqueues inside the caller's open transaction: the job exists only if that transaction
     * commits. Throws (rolling the caller back) rather than lose the job silently.
     */
    async sendInTransaction<T extends object>(tx: Tx, name: string, data: T, opts: { id?: string } = {}) {
      assertQueue(name);
      const id = await boss.send(name, data, { ...opts, db: transactionExecutor(deps.database.kind, tx) });
      if (!id) throw new Error(`job not enqueued on ${name} (is the queue created?)`);
      return id;
    },

    getJob: (name: string, id: string) => boss.getJobById(name, id),

    /** True between a successful start() and stop(): what readiness checks. */
    isStarted: () => state === 'started',

    /** Stops the workers (an attempt in progress gets up to `timeoutMs` to finish) and waits for the last query. */
    async stop(timeoutMs = 10_000) {
      if (state !== 'started') {
        state = 'stopped';
        return;
      }
      state = 'stopped';
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
      const until = Date.now() + 3_000;
      while (executor.inflight() > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
