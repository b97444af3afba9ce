import type { Database, Db } from '../db/client.ts';

/** A transaction handle as the repositories receive it (drizzle's `tx`). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

type Rows = { rows: Record<string, unknown>[] };
type Queryable = { query(text: string, values?: unknown[]): Promise<Rows> };
type PgliteClient = Queryable & { exec(text: string): Promise<Rows[]> };
type PgPool = Queryable & { connect(): Promise<Queryable & { release(): void }> };

/**
 * pg-boss's database contract: text with $n placeholders and positional values, answered with
 * `{ rows }`. pg-boss passes it to `send({ db })`, which is how a job joins a caller's transaction.
 */
export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<Rows> };

/**
 * pg-boss's SQL repeats a placeholder with different casts ($5 as text, then as timestamptz), so
 * it cannot be rebuilt as a drizzle `sql` template (each use would become its own parameter with
 * its own inferred type). It runs on the driver client under the drizzle handle instead: the
 * PGlite instance or pg Pool for the database, the PGlite transaction or pg PoolClient for a `tx`.
 */
function driverClient(handle: Db | Tx): unknown {
  const client = (handle as unknown as { _?: { session?: { client?: unknown } } })._?.session?.client;
  if (!client || typeof (client as Queryable).query !== 'function')
    throw new Error('sql-executor: no driver client under this drizzle handle (drizzle internals changed?)');
  return client;
}

const hasValues = (values?: unknown[]) => Array.isArray(values) && values.length > 0;

/**
 * An executor on the shared database, for pg-boss's own polling and maintenance. Parameter-less
 * text may hold several statements (pg-boss installs and maintains itself with `BEGIN; …; COMMIT;`):
 * PGlite needs exec() for that, and on failure the explicit transaction is rolled back so the
 * connection is not left in an aborted block. `inflight` lets the owner wait for the last query
 * before closing the database.
 */
export function databaseExecutor(database: Pick<Database, 'kind' | 'db'>): SqlExecutor & {
  inflight(): number;
} {
  let running = 0;
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    running++;
    try {
      return await work();
    } finally {
      running--;
    }
  };

  if (database.kind === 'pglite') {
    const client = driverClient(database.db) as PgliteClient;
    return {
      inflight: () => running,
      executeSql: (text, values) =>
        track(async () => {
          if (hasValues(values)) return client.query(text, values);
          try {
            const results = await client.exec(text);
            return results.at(-1) ?? { rows: [] };
          } catch (err) {
            await client.exec('ROLLBACK').catch(() => {});
            throw err;
          }
        }),
    };
  }

  const pool = driverClient(database.db) as PgPool;
  return {
    inflight: () => running,
    executeSql: (text, values) =>
      track(async () => {
        if (hasValues(values)) return pool.query(text, values);
        // Multi-statement text on one checked-out connection, so a failure can be rolled back there.
        const conn = await pool.connect();
        try {
          return await conn.query(text);
        } catch (err) {
          await conn.query('ROLLBACK').catch(() => {});
          throw err;
        } finally {
          conn.release();
        }
      }),
  };
}

/**
 * An executor on a caller's open transaction: what pg-boss runs through it commits or rolls back
 * with that transaction. (On PGlite it must be the transaction handle: the outer one would wait for
 * the transaction to end, which waits for this query.)
 */
export function transactionExecutor(kind: Database['kind'], tx: Tx): SqlExecutor {
  const client = driverClient(tx) as PgliteClient;
  return {
    executeSql: async (text, values) => {
      if (hasValues(values) || kind === 'postgres') return client.query(text, values);
      const results = await client.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
}
