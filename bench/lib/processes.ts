import { generateKeyPairSync } from 'node:crypto';
import { SERVER_NODE_FLAGS } from '../../apps/server/src/lib/node-flags.ts';
import {
  type ServerProcess,
  startNodeProcess,
  startQueueEdgeProcess,
  startServerProcess,
} from '../../apps/server/test/server-process.ts';

export type Proc = ServerProcess;

// BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the servers under load.
const serverNodeArgs = () => process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

/** What every server process of a bench deployment is started with, production mode. */
const deploymentEnv = (env: Record<string, string>) => ({
  NODE_ENV: 'production',
  SERVE_WEB: 'false',
  APP_SECRET: 'bench-secret-'.padEnd(48, 'x'),
  ...env,
});

/**
 * The environment of a queue bench's deployment: its database, Redis under its own key prefix
 * (none: the in-process coordinator), behind a proxy that sets X-Forwarded-For, no demo data.
 */
export function queueDeployment(databaseUrl: string, redisUrl: string | null, keyPrefix: string) {
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_KEY_PREFIX: keyPrefix,
    TRUST_PROXY: 'true',
    SEED_DEMO: 'false',
    DB_POOL_MAX: '20',
  };
  if (redisUrl) env.REDIS_URL = redisUrl;
  return env;
}

/** The real server (apps/server/src/main.ts) in its own process, production mode. */
export function startPlatform(env: Record<string, string>): Promise<Proc> {
  return startServerProcess(
    deploymentEnv({
      // Production mode requires a ticket signing key: a fresh one per run.
      TICKET_SIGNING_KEY: generateKeyPairSync('ed25519')
        .privateKey.export({ format: 'der', type: 'pkcs8' })
        .toString('base64'),
      ...env,
    }),
    serverNodeArgs(),
  );
}

/** A queue edge (apps/server/src/queue-edge.ts) joining the platform started with the same `env`. */
export function startQueueEdge(env: Record<string, string>): Promise<Proc> {
  return startQueueEdgeProcess(deploymentEnv(env), serverNodeArgs());
}

/**
 * Fastify's own hello world, the baseline every figure is quoted against. It runs with the same
 * V8 flags as the platform's processes (apps/server/src/lib/node-flags.ts): a ratio then compares
 * code, not runtime settings (without them a hello world left idle for minutes stays about 20% slower under load).
 */
export function startHelloWorld(): Promise<Proc> {
  return startNodeProcess({
    script: 'bench/lib/hello-server.ts',
    env: {},
    readyPath: '/',
    nodeArgs: [...SERVER_NODE_FLAGS],
  });
}

/**
 * The bare floor under the queue routes (lib/floor-server.ts): it answers `sample`'s exact status
 * answer (headers and body, fixed) and runs the join's Redis script under `redisPrefix`.
 */
export async function startFloor(sample: Response, redisUrl: string, redisPrefix: string): Promise<Proc> {
  // Headers Node writes itself for every answer, or that depend on the body.
  const skip = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
  const env = {
    FLOOR_POLL_ANSWER: JSON.stringify({
      headers: [...sample.headers].filter(([k]) => !skip.has(k)).flat(),
      body: await sample.text(),
    }),
    FLOOR_REDIS_URL: redisUrl,
    FLOOR_REDIS_PREFIX: redisPrefix,
  };
  // Profiled like the platform (BENCH_SERVER_NODE_ARGS), so the two can be compared.
  return startNodeProcess({
    script: 'bench/lib/floor-server.ts',
    env,
    readyPath: '/',
    nodeArgs: [...SERVER_NODE_FLAGS, ...serverNodeArgs()],
  });
}
