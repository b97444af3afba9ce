import { destination } from 'pino';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createCoordinator } from './coord/index.ts';
import { openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { warnOnMissingServerFlags } from './lib/node-flags.ts';
import { resolveAppSecret } from './lib/secrets.ts';
import { exitOnSignals } from './lib/shutdown.ts';
import { seedDemo } from './modules/demo/seed.ts';

/** Start-up: config → stores → HTTP (+ workers, as later modules add them). */
async function main() {
  const config = loadConfig();
  config.appSecret = resolveAppSecret(config);
  const database = await openDatabase(config.database);
  await runMigrations(database);
  const coord = await createCoordinator({
    redisUrl: config.redis?.url,
    keyPrefix: config.redis?.keyPrefix,
  });
  const app = await buildApp({
    config,
    database,
    coord,
    logger: {
      level: config.logLevel,
      ...(config.env === 'development' && process.stdout.isTTY
        ? { transport: { target: 'pino-pretty' } }
        : // Asynchronous writes: lines logged while a write is in flight go out together, instead
          // of one blocking write per line on the event loop. pino flushes them at exit.
          { stream: destination({ dest: 1, sync: false }) }),
    },
  });

  const shouldSeed = config.seedDemo === 'true' || (config.seedDemo === 'auto' && database.kind === 'pglite');
  if (shouldSeed)
    await seedDemo(app.services, {
      dataDir: config.dataDir,
      log: app.log,
      rearmOnSale: coord.kind === 'memory',
    });

  exitOnSignals(app.log, [app, coord, database]);
  if (config.env === 'production') warnOnMissingServerFlags(app.log);

  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    { db: database.kind, coordinator: coord.kind, url: config.publicUrl },
    `Ticketing is up on ${config.publicUrl}`,
  );
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${(err as Error).stack ?? err}\n`);
  }
  process.exit(1);
});
