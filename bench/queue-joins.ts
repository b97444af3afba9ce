import { Redis } from 'ioredis';
import { benchCookie, insertBenchAccounts } from './lib/bench-accounts.ts';
import { mainThreadCpu, TICKS } from './lib/cpu.ts';
import { machineLine } from './lib/machine.ts';
import { createBenchDatabase } from './lib/pg.ts';
import { queueDeployment, startHelloWorld, startPlatform } from './lib/processes.ts';
import { rawLoad, type SlicedRequest } from './lib/raw-load.ts';
import { dropKeys } from './lib/redis-keys.ts';
import { createStadiumOnSale } from './lib/stadium-session.ts';

/**
 * The join alone, for A/B work on it: the `queue` scenario's measured joins without the million
 * around them. For each deployment, people load a page (their login is then cached) and join in
 * chunks of 10,000, each chunk right after a 3 s hello-world run, and each chunk's rate is taken
 * against that hello world (the median counts, as in `queue`). Two deployments: the real one, with
 * Redis, and one process on the in-process coordinator (no Redis round trip): the gap between them
 * is what the claim's round trip costs a process. `BENCH_JOINS_CHUNKS` (4) sets the chunks.
 */
const CHUNKS = Number(process.env.BENCH_JOINS_CHUNKS ?? 4);
const CHUNK = 10_000;
const WARM_UP = 5_000;
const CONNECTIONS = 100;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ip = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function queueJoinsBench() {
  const db = await createBenchDatabase('tk_bench_joins');
  const redis = new Redis(REDIS_URL);
  const hello = await startHelloWorld();
  const prefixes: string[] = [];
  try {
    const deployments = [
      { name: 'PostgreSQL + Redis (production)', redis: true },
      { name: 'in-process coordinator (no Redis round trip)', redis: false },
    ];
    const sessions: string[] = [];
    for (const _ of deployments) sessions.push((await createStadiumOnSale(db.url)).sessionId);
    const perDeployment = WARM_UP + CHUNKS * CHUNK;
    await insertBenchAccounts(db.url, perDeployment * deployments.length);
    const helloRequests = Array.from({ length: CONNECTIONS }, () => ({ path: '/', headers: {} }));
    await rawLoad('warm-up', hello.url, helloRequests, { connections: CONNECTIONS, durationSec: 2 });
    const once = { connections: CONNECTIONS, once: true as const };
    const rows: string[] = [];
    for (const [d, deployment] of deployments.entries()) {
      const prefix = `tk-bench-joins-${Date.now()}:`;
      prefixes.push(prefix);
      const platform = await startPlatform(
        queueDeployment(db.url, deployment.redis ? REDIS_URL : null, prefix),
      );
      try {
        const sessionId = sessions[d]!;
        const joinPath = `/api/sessions/${sessionId}/queue/join`;
        await fetch(`${platform.url}/api/sessions/${sessionId}/queue/serving`);
        const each = (path: string, method: 'GET' | 'POST', from: number, count: number): SlicedRequest[] =>
          Array.from({ length: count }, (_, k) => ({
            method,
            path,
            headers: { cookie: benchCookie(from + k), 'x-forwarded-for': ip(from + k) },
          }));
        const first = d * perDeployment + 1;
        await rawLoad('page load', platform.url, each('/api/me', 'GET', first, WARM_UP), once);
        await rawLoad('join warm-up', platform.url, each(joinPath, 'POST', first, WARM_UP), once);
        const ratios: number[] = [];
        const us: number[] = [];
        const p50: number[] = [];
        let refused = 0;
        for (let c = 0; c < CHUNKS; c++) {
          const from = first + WARM_UP + c * CHUNK;
          await rawLoad('page load', platform.url, each('/api/me', 'GET', from, CHUNK), once);
          const h = await rawLoad('hello world', hello.url, helloRequests, {
            connections: CONNECTIONS,
            durationSec: 3,
          });
          const before = mainThreadCpu(platform.pid);
          const r = await rawLoad('joins', platform.url, each(joinPath, 'POST', from, CHUNK), once);
          const after = mainThreadCpu(platform.pid);
          ratios.push(r.rps / h.rps);
          us.push(((after.user + after.sys - before.user - before.sys) / TICKS / r.requests) * 1e6);
          p50.push(r.p50);
          refused += [...r.codes].filter(([code]) => code !== 201).reduce((a, [, n]) => a + n, 0);
        }
        const pct = (x: number) => `${Math.round(x * 100)}%`;
        rows.push(
          `| ${deployment.name} | ${pct(median(ratios))} | ${ratios.map(pct).join(', ')} | ${median(us).toFixed(1)} | ${median(p50)} | ${refused} |`,
        );
      } finally {
        await platform.stop();
      }
    }
    return {
      markdown: [
        `### Joins alone — ${machineLine()}`,
        '',
        `People who had the page open join, ${CHUNKS} chunks of ${CHUNK.toLocaleString('en')}, each right after a 3 s hello-world run; ${CONNECTIONS} connections, one lean client (bench/lib/raw-load.ts). Server CPU is the main thread's, from /proc (10 ms ticks: ±1 µs a join).`,
        '',
        '| deployment | vs hello world just before, median | chunks | server main thread µs per join, median | p50 ms | not 201 |',
        '|---|---|---|---|---|---|',
        ...rows,
      ].join('\n'),
    };
  } finally {
    await hello.stop();
    for (const prefix of prefixes) await dropKeys(redis, prefix);
    redis.disconnect();
    await db.drop();
  }
}
