import { destination } from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { createCoordinator } from './coord/index.ts';
import { openDatabase } from './db/client.ts';
import { warnOnMissingServerFlags } from './lib/node-flags.ts';
import { exitOnSignals } from './lib/shutdown.ts';
import { buildQueueEdge } from './queue-edge.ts';

/**
 * Start-up of a queue edge process (queue-edge.ts): `npm run start:queue-edge`. It joins a
 * deployment of full processes, so it needs what they share: PostgreSQL (DATABASE_URL), Redis
 * (REDIS_URL, with their REDIS_KEY_PREFIX) and their APP_SECRET. It runs no migrations: the full
 * processes own the schema.
 */
async function main() {
  const config = loadConfig(process.env, { role: 'queue-edge' });
  if (config.database.kind !== 'postgres' || !config.redis)
    throw new ConfigError(
      'The queue edge serves a deployment of full processes: set DATABASE_URL and REDIS_URL to theirs.',
    );
  if (!config.appSecret)
    throw new ConfigError('The queue edge checks the tokens the full processes sign: set their APP_SECRET.');
  const database = await openDatabase({ ...config.database, poolMax: Math.min(config.database.poolMax, 4) });
  const coord = await createCoordinator({ redisUrl: config.redis.url, keyPrefix: config.redis.keyPrefix });
  const app = await buildQueueEdge({
    config,
    database,
    coord,
    logger: { level: config.logLevel, stream: destination({ dest: 1, sync: false }) },
  });

  exitOnSignals(app.log, [app, coord, database]);
  if (config.env === 'production') warnOnMissingServerFlags(app.log);

  await app.listen({ host: config.host, port: config.port });
  app.log.info({ port: config.port }, 'Queue edge is up: queue status and serving state only');
}

main().catch((err) => {
  process.stderr.write(
    err instanceof ConfigError ? `${err.message}\n` : `Failed to start: ${(err as Error).stack ?? err}\n`,
  );
  process.exit(1);
});
