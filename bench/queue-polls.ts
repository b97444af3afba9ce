import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createRedisCoordinator } from '../apps/server/src/coord/redis.ts';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { waitingRoomRepository } from '../apps/server/src/modules/waiting-room/repository.ts';
import { waitingRoomService } from '../apps/server/src/modules/waiting-room/service.ts';
import { waitingRoomTokens } from '../apps/server/src/modules/waiting-room/tokens.ts';
import { benchCookie, insertBenchAccounts } from './lib/bench-accounts.ts';
import { mainThreadCpu, pageFaults, TICKS } from './lib/cpu.ts';
import { machineLine } from './lib/machine.ts';
import { createBenchDatabase } from './lib/pg.ts';
import {
  queueDeployment,
  startFloor,
  startHelloWorld,
  startPlatform,
  startQueueEdge,
} from './lib/processes.ts';
import { rawLoad, type SlicedRequest } from './lib/raw-load.ts';
import { dropKeys } from './lib/redis-keys.ts';
import { createStadiumOnSale } from './lib/stadium-session.ts';

/**
 * The status poll alone, for A/B work on it: the `queue` scenario's poll rows without the million
 * joins before them. 40,000 people join through the service, the draw is made, and then hello
 * world, the queue edge, the full process and the floor (a bare node:http server answering the
 * edge's exact bytes) take turns in short windows, round after round, each target's ratio taken
 * against the hello-world window just before it. Each target's main thread CPU per request is
 * read from /proc, user and kernel apart.
 *
 * Why it exists: on session 8's machine this scenario put polls at 74–96% of hello world while the
 * `queue` scenario put the same build at 52–68%. Knobs to chase that gap (docs/BENCHMARKS.md):
 * `BENCH_POLLS_HISTORY=n` first sends n page loads and joins over HTTP to the full process (as the
 * `queue` scenario does); `BENCH_POLLS_EDGE_LATE=1` starts the edge only after that history;
 * `BENCH_POLLS_IDLE_SECONDS=s` leaves every process idle for s seconds before the pollers join;
 * `BENCH_POLLS_FAULTS=1` prints each window's page faults; `BENCH_SERVER_OUTPUT_DIR` keeps the
 * servers' output (V8 traces from BENCH_SERVER_NODE_ARGS).
 */
const POLLERS = 40_000;
const ROUNDS = Number(process.env.BENCH_POLLS_ROUNDS ?? 8);
const SECONDS = Number(process.env.BENCH_POLLS_SECONDS ?? 2);
const HISTORY = Number(process.env.BENCH_POLLS_HISTORY ?? 0);
const CONNECTIONS = 100;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'bench-secret-'.padEnd(48, 'x'); // the platform's APP_SECRET (lib/processes.ts)
const ip = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function queuePollsBench() {
  const db = await createBenchDatabase('tk_bench_polls');
  const prefix = `tk-bench-polls-${Date.now()}:`;
  const { sessionId } = await createStadiumOnSale(db.url);
  const deployment = queueDeployment(db.url, REDIS_URL, prefix);
  const stops: (() => Promise<void>)[] = [];
  const outputs: Record<string, { output(): string }> = {};
  try {
    const platform = await startPlatform(deployment);
    stops.push(platform.stop);
    outputs.platform = platform;
    let edge = HISTORY && process.env.BENCH_POLLS_EDGE_LATE ? null : await startQueueEdge(deployment);
    if (edge) stops.push(edge.stop);
    const hello = await startHelloWorld();
    stops.push(hello.stop);
    const joinPath = `/api/sessions/${sessionId}/queue/join`;
    await fetch(`${platform.url}/api/sessions/${sessionId}/queue/serving`);

    if (HISTORY > 0) {
      console.log(`history: ${HISTORY} page loads and joins over HTTP…`);
      await insertBenchAccounts(db.url, HISTORY);
      const each = (path: string, method: 'GET' | 'POST', from: number, count: number): SlicedRequest[] =>
        Array.from({ length: count }, (_, k) => ({
          method,
          path,
          headers: { cookie: benchCookie(from + k), 'x-forwarded-for': ip(from + k) },
        }));
      for (let from = 1; from <= HISTORY; from += 10_000) {
        const count = Math.min(10_000, HISTORY + 1 - from);
        const once = { connections: CONNECTIONS, once: true as const };
        await rawLoad('page load', platform.url, each('/api/me', 'GET', from, count), once);
        await rawLoad('join', platform.url, each(joinPath, 'POST', from, count), once);
      }
    }

    const IDLE = Number(process.env.BENCH_POLLS_IDLE_SECONDS ?? 0);
    if (IDLE > 0) {
      console.log(`idle for ${IDLE} s…`);
      await new Promise((r) => setTimeout(r, IDLE * 1000));
    }
    if (!edge) {
      edge = await startQueueEdge(deployment);
      stops.push(edge.stop);
    }
    const edgeProc = edge;
    outputs.edge = edge;
    // The pollers join through the service, into the same Redis, as further processes would.
    const database = await openDatabase({ kind: 'postgres', url: db.url, poolMax: 2 });
    const coord = createRedisCoordinator({ url: REDIS_URL, keyPrefix: prefix });
    const repo = waitingRoomRepository(database.db);
    const service = waitingRoomService({
      coord,
      repo,
      tokens: waitingRoomTokens(SECRET),
      findSession: repo.sessionFacts,
      saveOutflow: async () => {},
      onError: () => {},
    });
    const tokens: string[] = [];
    for (let i = 0; i < POLLERS; i += 256) {
      const joined = await Promise.all(
        Array.from({ length: Math.min(256, POLLERS - i) }, (_, j) =>
          service.join(sessionId, randomUUID(), `svc-${ip(i + j)}`),
        ),
      );
      for (const j of joined) tokens.push(j.token);
    }
    await coord.close();
    await database.close();

    // The draw: sales open now; polls then run the permutation, as in the `queue` scenario.
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query(`update sessions set sales_open_at = now() where id = $1`, [sessionId]);
    await c.end();
    for (let t = 0; ; t++) {
      const s = (await (await fetch(`${edgeProc.url}/api/sessions/${sessionId}/queue/serving`)).json()) as {
        prequeueSize: number | null;
      };
      if (s.prequeueSize !== null) break;
      if (t > 60) throw new Error('the draw was not made within 30 s');
      await new Promise((r) => setTimeout(r, 500));
    }

    const paths = tokens.map((t) => `/api/sessions/${sessionId}/queue/status?token=${t}`);
    const polls = (firstIp: number) =>
      paths.map((path, i) => ({ path, headers: { 'x-forwarded-for': ip(firstIp + i) } }));
    const sample = await fetch(`${edgeProc.url}${paths[0]}`, { headers: { 'x-forwarded-for': ip(990_000) } });
    const floor = await startFloor(sample, REDIS_URL, prefix);
    stops.push(floor.stop);

    const targets = [
      {
        name: 'hello world (Fastify)',
        url: hello.url,
        pid: hello.pid,
        requests: () => Array.from({ length: CONNECTIONS }, () => ({ path: '/', headers: {} })),
      },
      {
        name: 'status polls on a queue edge',
        url: edgeProc.url,
        pid: edgeProc.pid,
        requests: () => polls(600_000),
      },
      {
        name: 'status polls on the full process',
        url: platform.url,
        pid: platform.pid,
        requests: () => polls(700_000),
      },
      {
        name: 'floor: bare node:http, the same answer fixed',
        url: floor.url,
        pid: floor.pid,
        requests: () => polls(500_000),
      },
    ];
    const [helloTarget, ...measured] = targets;
    // Warm-up, not counted: each token's first poll on a process verifies its HMAC.
    for (const t of measured)
      await rawLoad('warm-up', t.url, t.requests(), { connections: CONNECTIONS, once: true });
    for (const t of targets)
      await rawLoad('warm-up', t.url, t.requests(), { connections: CONNECTIONS, durationSec: 1 });

    const run = async (t: (typeof targets)[number]) => {
      const before = mainThreadCpu(t.pid);
      const faultsBefore = pageFaults(t.pid);
      const result = await rawLoad(t.name, t.url, t.requests(), {
        connections: CONNECTIONS,
        durationSec: SECONDS,
      });
      const after = mainThreadCpu(t.pid);
      const faultsAfter = pageFaults(t.pid);
      if (process.env.BENCH_POLLS_FAULTS)
        console.log(
          `${t.name}: ${faultsAfter.minor - faultsBefore.minor} minor, ${faultsAfter.major - faultsBefore.major} major faults over ${result.requests} requests`,
        );
      const us = (ticks: number) => (ticks / TICKS / result.requests) * 1e6;
      const refused = [...result.codes].filter(([code]) => code !== 200).reduce((a, [, n]) => a + n, 0);
      return {
        rps: result.rps,
        user: us(after.user - before.user),
        sys: us(after.sys - before.sys),
        refused,
      };
    };
    const figures = new Map(
      targets.map((t) => [
        t.name,
        { ratios: [] as number[], user: [] as number[], sys: [] as number[], refused: 0 },
      ]),
    );
    for (let round = 0; round < ROUNDS; round++) {
      for (const t of measured) {
        const h = await run(helloTarget!);
        const r = await run(t);
        const f = figures.get(t.name)!;
        f.ratios.push(r.rps / h.rps);
        f.user.push(r.user);
        f.sys.push(r.sys);
        f.refused += r.refused;
        const hf = figures.get(helloTarget!.name)!;
        hf.user.push(h.user);
        hf.sys.push(h.sys);
      }
    }

    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const lines = [
      `### Status polls alone — ${machineLine()}`,
      '',
      `${POLLERS.toLocaleString('en')} tokens after the draw${HISTORY ? `, after ${HISTORY.toLocaleString('en')} page loads and joins over HTTP` : ''}; ${ROUNDS} rounds of ${SECONDS} s windows, each target right after its own hello-world window; ${CONNECTIONS} connections, one lean client (bench/lib/raw-load.ts).`,
      '',
      '| target | vs hello world just before, median | pairs | server main thread µs per request (user + kernel), median | of which kernel | non-200 |',
      '|---|---|---|---|---|---|',
      ...targets.map((t) => {
        const f = figures.get(t.name)!;
        const ratio = t === helloTarget ? '100%' : pct(median(f.ratios));
        const pairs = t === helloTarget ? '' : f.ratios.map(pct).join(', ');
        const total = median(f.user.map((u, i) => u + f.sys[i]!));
        return `| ${t.name} | ${ratio} | ${pairs} | ${total.toFixed(1)} | ${median(f.sys).toFixed(1)} | ${f.refused} |`;
      }),
    ];
    return { markdown: lines.join('\n') };
  } finally {
    for (const stop of stops.reverse()) await stop();
    // BENCH_SERVER_OUTPUT_DIR: each server's own output (e.g. V8 traces from BENCH_SERVER_NODE_ARGS).
    const dir = process.env.BENCH_SERVER_OUTPUT_DIR;
    if (dir)
      for (const [name, proc] of Object.entries(outputs))
        fs.writeFileSync(`${dir}/${name}.txt`, proc.output());
    const redis = new Redis(REDIS_URL);
    await dropKeys(redis, prefix);
    redis.disconnect();
    await db.drop();
  }
}
