import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The query handle every repository receives: the same API on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** Told of every query's duration in ms and whether it failed (the monitoring module sets one). */
export type QueryObserver = (ms: number, failed: boolean) => void;

export type PoolStats = { total: number; idle: number; waiting: number; max: number };

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolMax: number }
  | { kind: 'pglite'; dataDir: string | null };

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs parameter-less, possibly multi-statement SQL (PGlite needs exec() for that). */
  exec(sqlText: string): Promise<void>;
  /** Runs fn on one dedicated connection (session-level advisory locks need that). */
  withConnection<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  ping(): Promise<{ ok: boolean; latencyMs: number; error?: string }>;
  /** Starts timing every query (null stops it); one observer per database. */
  observeQueries(observer: QueryObserver | null): void;
  /** The pool's connections on PostgreSQL; null on PGlite (one in-process connection). */
  poolStats(): PoolStats | null;
  close(): Promise<void>;
}

/** Rows of a raw query, whichever driver ran it. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

type Slot = { observer: QueryObserver | null };
type Callback = (err: unknown, res: unknown) => void;
// biome-ignore lint/suspicious/noExplicitAny: the drivers' query methods are overloaded beyond typing here
type AnyFn = (...args: any[]) => any;

/**
 * Times a pg client's queries, in both of its call styles (callback: how pg's Pool calls it;
 * promise: how a checked-out client is used in transactions). Without an observer the cost is one
 * property read. Cursors and streams (submittables) are left alone.
 */
function timePgClient(client: { query: AnyFn }, slot: Slot) {
  const query = client.query;
  client.query = function timedQuery(this: unknown, config: unknown, values?: unknown, callback?: unknown) {
    const observer = slot.observer;
    if (observer === null || typeof (config as { submit?: unknown } | null)?.submit === 'function')
      return query.call(this, config, values, callback);
    const started = performance.now();
    if (typeof values === 'function' || typeof callback === 'function') {
      const done = (typeof values === 'function' ? values : callback) as Callback;
      const timed: Callback = (err, res) => {
        observer(performance.now() - started, err != null);
        done(err, res);
      };
      return typeof values === 'function'
        ? query.call(this, config, timed)
        : query.call(this, config, values, timed);
    }
    const result = query.call(this, config, values);
    result.then(
      () => observer(performance.now() - started, false),
      () => observer(performance.now() - started, true),
    );
    return result;
  };
}

/** Times PGlite's query/exec, on the instance and on each transaction handle it gives out. */
function timePglite(target: { query: AnyFn; exec: AnyFn }, slot: Slot) {
  for (const name of ['query', 'exec'] as const) {
    const original = target[name].bind(target);
    target[name] = (...args: unknown[]) => {
      const observer = slot.observer;
      if (observer === null) return original(...args);
      const started = performance.now();
      const result = original(...args);
      result.then(
        () => observer(performance.now() - started, false),
        () => observer(performance.now() - started, true),
      );
      return result;
    };
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const slot: Slot = { observer: null };
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolMax,
      // A request should fail fast rather than queue forever behind a saturated pool.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    pool.on('error', () => {
      // Idle client errors (server restart) are recovered by the pool; do not crash the process.
    });
    pool.on('connect', (client) => timePgClient(client as unknown as { query: AnyFn }, slot));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      exec: async (text) => {
        await pool.query(text);
      },
      withConnection: async (fn) => {
        const conn = await pool.connect();
        try {
          return await fn(drizzlePg(conn, { schema }) as unknown as Db);
        } finally {
          conn.release();
        }
      },
      ping: () => timedPing(db),
      observeQueries: (observer) => {
        slot.observer = observer;
      },
      poolStats: () => ({
        total: pool.totalCount,
        idle: pool.idleCount,
        waiting: pool.waitingCount,
        max: options.poolMax,
      }),
      close: () => pool.end(),
    };
  }

  if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extensions: { pg_trgm },
  });
  timePglite(client as unknown as { query: AnyFn; exec: AnyFn }, slot);
  const transaction = client.transaction.bind(client);
  client.transaction = (callback) =>
    transaction((tx) => {
      timePglite(tx as unknown as { query: AnyFn; exec: AnyFn }, slot);
      return callback(tx);
    });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    exec: async (text) => {
      await client.exec(text);
    },
    // PGlite is one connection already.
    withConnection: (fn) => fn(db),
    ping: () => timedPing(db),
    observeQueries: (observer) => {
      slot.observer = observer;
    },
    poolStats: () => null,
    close: () => client.close(),
  };
}

async function timedPing(db: Db): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
    return { ok: true, latencyMs: round(performance.now() - started) };
  } catch (err) {
    return { ok: false, latencyMs: round(performance.now() - started), error: (err as Error).message };
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
