import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createMemoryCoordinator } from '../src/coord/memory.ts';
import type { Coordinator } from '../src/coord/port.ts';
import type { TestDatabase } from './databases.ts';

export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SERVE_WEB: 'false',
    SEED_DEMO: 'false',
    APP_SECRET: randomBytes(32).toString('hex'),
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tk-test-data-')),
    ...overrides,
  });
}

/** The real app on a real database, driven through fastify.inject (no sockets needed). */
export async function makeTestApp(
  database: TestDatabase,
  opts: { coord?: Coordinator; env?: Record<string, string> } = {},
) {
  const coord = opts.coord ?? createMemoryCoordinator();
  const app = await buildApp({ config: testConfig(opts.env), database, coord, logger: false });
  await app.ready();
  return { app, coord, database };
}

/**
 * The same app listening on a real socket, for what `inject` never reaches: the answers given
 * before the framework (http/fast-polls.ts, http/fast-joins.ts) run only on real requests.
 */
export async function makeListeningApp(database: TestDatabase, opts: Parameters<typeof makeTestApp>[1] = {}) {
  const ctx = await makeTestApp(database, opts);
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  return { ...ctx, url: `http://127.0.0.1:${(ctx.app.server.address() as { port: number }).port}` };
}

/** The `sid=…` pair from a response's Set-Cookie, ready to send back as a Cookie header. */
export function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : [String(raw ?? '')];
  const sid = all.find((c) => c.startsWith('sid='));
  if (!sid) throw new Error(`no session cookie in response: ${(res as { body?: string }).body ?? ''}`);
  return sid.split(';')[0]!;
}
