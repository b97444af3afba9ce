import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

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

export type Proc = { url: string; pid: number; stop(): Promise<void>; output(): string };

async function waitFor(url: string, child: ChildProcess, out: () => string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}):\n${out()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${url}:\n${out()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function run(args: string[], env: Record<string, string>, readyPath: string, port: number): Promise<Proc> {
  let out = '';
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  return waitFor(url + readyPath, child, () => out).then(() => ({
    url,
    pid: child.pid!,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  }));
}

/** The real server (apps/server/src/main.ts) in its own process. */
export async function startPlatform(env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
  const extra = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  return run(
    [...extra, '--import', 'tsx', 'apps/server/src/main.ts'],
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SERVE_WEB: 'false',
      APP_SECRET: 'bench-secret-'.padEnd(48, 'x'),
      ...env,
    },
    '/api/health',
    port,
  );
}

/** Fastify's own hello world, the baseline every figure is quoted against. */
export async function startHelloWorld(): Promise<Proc> {
  const port = await freePort();
  return run(['--import', 'tsx', 'bench/lib/hello-server.ts'], {}, '/', port);
}
