import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.ts';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * Applies pending migrations from code at start-up (drizzle-kit's own PGlite runner cannot load
 * extensions). On PostgreSQL an advisory lock keeps several processes that start together from
 * racing through the same migration.
 */
export async function runMigrations(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.kind === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: the drizzle PGlite migrator wants its own db type
    await migratePglite(database.db as any, config);
    return;
  }
  const lockKey = 727_411_001; // arbitrary, constant: "ticketing migrations"
  await database.withConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(${lockKey})`);
    try {
      // biome-ignore lint/suspicious/noExplicitAny: the drizzle node-postgres migrator wants its own db type
      await migratePg(db as any, config);
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${lockKey})`);
    }
  });
}
