import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { requireService, TEST_PG_ADMIN_URL } from './services.ts';

export type TestDatabase = Database & { url?: string };

/** A fresh, migrated in-memory PGlite. */
export async function openPglite(): Promise<TestDatabase> {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await runMigrations(database);
  return database;
}

/** A fresh database on the real PostgreSQL server, dropped again on close(). */
export async function openPostgres(poolMax = 10): Promise<TestDatabase> {
  const name = `tk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax });
  await runMigrations(database);
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const c = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export type Backend = { name: 'pglite' | 'postgres'; open: () => Promise<TestDatabase> };

/**
 * Every database test runs on both: embedded PGlite and the real PostgreSQL server. PostgreSQL
 * missing is a failure in CI and a printed skip elsewhere (see services.ts).
 */
export async function databaseBackends(): Promise<Backend[]> {
  const backends: Backend[] = [{ name: 'pglite', open: openPglite }];
  if (await requireService('postgres')) backends.push({ name: 'postgres', open: () => openPostgres() });
  return backends;
}
