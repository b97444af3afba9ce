import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../src/lib/node-flags.ts';

const root = path.resolve(import.meta.dirname, '../../..');

export type ServerProcess = { url: string; pid: number; output(): string; stop(): Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts a Node script of this repository (run through tsx) as its own process and waits until
 * `readyPath` answers 2xx on the port it was given in PORT.
 */
export async function startNodeProcess(opts: {
  script: string;
  env: Record<string, string>;
  readyPath: string;
  nodeArgs?: string[];
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const port = await freePort();
  let out = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), '--import', 'tsx', opts.script],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...opts.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const timeoutMs = opts.timeoutMs ?? 90_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited early (${child.exitCode}):\n${out}`);
    try {
      if ((await fetch(url + opts.readyPath)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${opts.script} did not answer ${opts.readyPath} in ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid ?? 0,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * Starts the real server (apps/server/src/main.ts) as its own process, the way production runs it,
 * and waits until /api/health answers. Used by the browser tests, the cross-process race test and
 * the benchmarks.
 */
export function startServerProcess(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  return startNodeProcess({
    script: 'apps/server/src/main.ts',
    env,
    readyPath: '/api/health',
    nodeArgs: [...SERVER_NODE_FLAGS, ...nodeArgs],
  });
}

/**
 * A queue edge process (apps/server/src/queue-edge-main.ts) joining the deployment whose
 * environment is `env`; ready when /api/ready answers.
 */
export function startQueueEdgeProcess(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  return startNodeProcess({
    script: 'apps/server/src/queue-edge-main.ts',
    env,
    readyPath: '/api/ready',
    nodeArgs: [...SERVER_NODE_FLAGS, ...nodeArgs],
  });
}

type ClusterOptions = {
  databaseUrl: string;
  redisUrl: string;
  /** Names the Redis key prefix and the app secret of this test. */
  name: string;
  poolMax?: number;
};

/** The environment every process of one test deployment shares. */
export function clusterEnv(opts: ClusterOptions): Record<string, string> {
  return {
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL: opts.redisUrl,
    REDIS_KEY_PREFIX: `tk-${opts.name}-${process.pid}-${Date.now()}:`,
    APP_SECRET: `${opts.name}-test-secret-`.padEnd(48, '0'),
    TRUST_PROXY: 'true',
    SEED_DEMO: 'false',
    SERVE_WEB: 'false',
    DB_POOL_MAX: String(opts.poolMax ?? 5),
  };
}

/**
 * Two real server processes sharing one PostgreSQL database and one Redis (under a key prefix of
 * their own), the way production scales out: what every cross-process test starts from.
 */
export function startServerPair(opts: ClusterOptions): Promise<ServerProcess[]> {
  const env = clusterEnv(opts);
  return Promise.all([startServerProcess(env), startServerProcess(env)]);
}
