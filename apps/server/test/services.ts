import net from 'node:net';

/**
 * Real services used by integration tests. In CI (`CI=true`) a missing service is a failure,
 * never a skip; on a developer machine the tests skip and say why.
 */
export const TEST_PG_ADMIN_URL =
  process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const inCi = process.env.CI === 'true' || process.env.CI === '1';

function canConnect(url: string, defaultPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || defaultPort) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Resolves true when the service answers; in CI throws so the suite fails loudly instead of skipping. */
export async function requireService(name: 'postgres' | 'redis'): Promise<boolean> {
  const ok =
    name === 'postgres' ? await canConnect(TEST_PG_ADMIN_URL, 5432) : await canConnect(TEST_REDIS_URL, 6379);
  if (ok) return true;
  const where = name === 'postgres' ? TEST_PG_ADMIN_URL : TEST_REDIS_URL;
  if (inCi) throw new Error(`${name} is required in CI but did not answer at ${where}`);
  console.warn(
    `[skip] ${name} tests skipped: nothing answers at ${where} (set CI=true to make this a failure)`,
  );
  return false;
}
