import fs from 'node:fs';
import pg from 'pg';
import { HttpRecorder } from '../apps/server/src/modules/monitoring/recorder.ts';
import { startNodeProcess } from '../apps/server/test/server-process.ts';
import { type Buyer, call, holdOrderPay, signUp } from './lib/buyers.ts';
import { load } from './lib/load.ts';
import { machineLine } from './lib/machine.ts';
import { createBenchDatabase } from './lib/pg.ts';
import { startPlatform } from './lib/processes.ts';
import { createStadiumSession } from './lib/stadium-session.ts';
import { closedLoop } from './lib/stats.ts';

/**
 * Issue 7 bench. (1) What the request-timing hook costs: Fastify's hello world with and without
 * it, alternated in the same run, plus the recording call alone. (2) That the dashboard moves:
 * buyers run hold → order → pay against the real platform (PostgreSQL + Redis) while an admin's
 * dashboard queries are sampled every 5 s.
 */
const ROUNDS = 6;
const HELLO_SECONDS = Number(process.env.BENCH_DURATION ?? 3);
const BUYERS = 32;
const FLOW_SECONDS = 20;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; 100 ticks per second). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function hookOverhead(lines: string[]) {
  const runs: Record<'without' | 'with', { rps: number; p99: number; cpuUs: number }[]> = {
    without: [],
    with: [],
  };
  for (let round = 0; round < ROUNDS; round++)
    for (const variant of ['without', 'with'] as const) {
      const proc = await startNodeProcess({
        script: 'bench/lib/hello-metrics-server.ts',
        env: { METRICS_HOOK: variant === 'with' ? '1' : '0' },
        readyPath: '/',
      });
      try {
        const cpu0 = cpuSeconds(proc.pid);
        const r = await load(`hello ${variant}`, proc.url, { connections: 32, durationSec: HELLO_SECONDS });
        // Server CPU per request: much less disturbed than req/s by whatever else the machine runs.
        const cpuUs = ((cpuSeconds(proc.pid) - cpu0) * 1e6) / Math.max(1, r.requests);
        runs[variant].push({ rps: r.rps, p99: r.p99, cpuUs: Math.round(cpuUs * 100) / 100 });
      } finally {
        await proc.stop();
      }
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const without = median(runs.without.map((r) => r.rps));
  const withHook = median(runs.with.map((r) => r.rps));
  const cpuWithout = median(runs.without.map((r) => r.cpuUs));
  const cpuWith = median(runs.with.map((r) => r.cpuUs));
  // The least disturbed run of each: on a shared machine, contention only ever adds CPU per request.
  const bestWithout = Math.min(...runs.without.map((r) => r.cpuUs));
  const bestWith = Math.min(...runs.with.map((r) => r.cpuUs));

  // The recording call alone, as the hook makes it.
  const series = new HttpRecorder().route('GET', '/api/sessions/:id');
  const n = 5_000_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) series.record(i % 50 === 0 ? 404 : 200, (i % 97) * 0.05);
  const nsPerRecord = ((performance.now() - t0) * 1e6) / n;

  lines.push(
    `### Monitoring: request-timing hook overhead — ${machineLine()}`,
    '',
    `Fastify hello world (logger off), 32 connections, ${HELLO_SECONDS} s per run, ${ROUNDS} rounds alternating without/with the hook; medians. Server and load generator share the machine.`,
    '',
    '| variant | req/s (runs) | median req/s | server CPU µs per request (runs) | median µs | best µs |',
    '|---|---|---|---|---|---|',
    `| without hook | ${runs.without.map((r) => r.rps).join(' · ')} | ${without} | ${runs.without.map((r) => r.cpuUs).join(' · ')} | ${cpuWithout} | ${bestWithout} |`,
    `| with hook | ${runs.with.map((r) => r.rps).join(' · ')} | ${withHook} | ${runs.with.map((r) => r.cpuUs).join(' · ')} | ${cpuWith} | ${bestWith} |`,
    '',
    `With the hook against without: ${(((withHook - without) / without) * 100).toFixed(1)}% median req/s; server CPU per request +${(cpuWith - cpuWithout).toFixed(2)} µs (medians), +${(bestWith - bestWithout).toFixed(2)} µs (best runs). The recording call alone: ${nsPerRecord.toFixed(1)} ns per request (${n.toLocaleString('en')} calls in a loop). With the logger off, Fastify only listens for the end of a response when some onResponse hook exists, so this includes that listener; with the logger on (production) Fastify listens anyway.`,
  );
}

type Sample = {
  at: number;
  orders: number;
  tickets: number;
  sold: number;
  minuteRequests: number;
  holdsP95: number | null;
  p99: number | null;
  dashboardMs: number;
};

async function dashboardMoves(lines: string[]) {
  const db = await createBenchDatabase('tk_bench_monitoring');
  const { sessionId, seatIds } = await createStadiumSession(db.url);
  const platform = await startPlatform({
    DATABASE_URL: db.url,
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `tk-bench-mon-${Date.now()}:`,
    TRUST_PROXY: 'true',
    SEED_DEMO: 'false',
    DB_POOL_MAX: '20',
  });
  try {
    const buyers = await Promise.all(Array.from({ length: BUYERS }, (_, i) => signUp(platform.url, i, 91)));
    const admin = await promotedAdmin(platform.url, db.url);
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const sample = async (t0: number): Promise<Sample> => {
      const started = performance.now();
      const [reg, perf, overview] = await Promise.all([
        call(
          platform.url,
          admin,
          'GET',
          `/api/admin/monitoring/registrations?from=${from}&to=${to}&bucket=minute&sessionId=${sessionId}`,
        ),
        call(platform.url, admin, 'GET', '/api/admin/monitoring/performance?minutes=5'),
        call(platform.url, admin, 'GET', '/api/admin/monitoring/overview'),
      ]);
      const dashboardMs = performance.now() - started;
      const last = perf.json.minutes.at(-1);
      const holds = perf.json.routes.find(
        (r: { route: string; method: string }) => r.route === '/api/sessions/:id/holds',
      );
      const session = overview.json.events
        .flatMap((e: { sessions: { id: string; sold: number }[] }) => e.sessions)
        .find((s: { id: string }) => s.id === sessionId);
      return {
        at: Math.round((performance.now() - t0) / 1000),
        orders: reg.json.totals.orders,
        tickets: reg.json.totals.tickets,
        sold: session?.sold ?? 0,
        minuteRequests: last.requests,
        holdsP95: holds?.p95Ms ?? null,
        p99: last.p99Ms,
        dashboardMs: Math.round(dashboardMs),
      };
    };

    const t0 = performance.now();
    const samples: Sample[] = [await sample(t0)];
    let running = true;
    const sampler = (async () => {
      while (running) {
        await new Promise((r) => setTimeout(r, 5_000));
        if (running) samples.push(await sample(t0));
      }
    })();
    const flow = await closedLoop(BUYERS, FLOW_SECONDS, async (w) =>
      buyOnce(platform.url, buyers[w]!, sessionId, seatIds),
    );
    running = false;
    await sampler;
    samples.push(await sample(t0));

    lines.push(
      '',
      '### Monitoring: the dashboard during a booking burst',
      '',
      `${BUYERS} buyers run hold → order → pay for ${FLOW_SECONDS} s on the stadium session (PostgreSQL, Redis, production mode): ${flow.count} flows, ${flow.failures} not completed. Every 5 s the three dashboard queries an admin's open page makes (registrations per minute for the session, performance of the last 5 minutes, overview) are sent together.`,
      '',
      '| s | orders (series total) | tickets | sold (overview) | requests this minute | holds p95 ms | all routes p99 ms | 3 dashboard calls, ms |',
      '|---|---|---|---|---|---|---|---|',
      ...samples.map(
        (s) =>
          `| ${s.at} | ${s.orders} | ${s.tickets} | ${s.sold} | ${s.minuteRequests} | ${s.holdsP95 ?? '–'} | ${s.p99 ?? '–'} | ${s.dashboardMs} |`,
      ),
    );
    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    const { rows } = await check.query('select count(*)::int as n from orders where session_id = $1', [
      sessionId,
    ]);
    await check.end();
    lines.push(
      '',
      `Orders in the database afterwards: ${rows[0].n}; the series' last total: ${samples.at(-1)!.orders}.`,
    );
  } finally {
    await platform.stop();
    await db.drop();
  }
}

/** A buyer account promoted to admin in the database, then signed in again (a fresh session). */
async function promotedAdmin(url: string, dbUrl: string): Promise<Buyer> {
  const buyer = await signUp(url, 250, 92);
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  await c.query(`update users set role = 'admin' where email = $1`, [buyer.email]);
  await c.end();
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': buyer.ip },
    body: JSON.stringify({ email: buyer.email, password: 'bench password ok' }),
  });
  return { ...buyer, cookie: res.headers.get('set-cookie')!.split(';')[0]! };
}

async function buyOnce(url: string, c: Buyer, sessionId: string, seatIds: string[]) {
  const orderId = await holdOrderPay(url, c, sessionId, seatIds);
  if (!orderId) return false;
  // As in the booking bench: the buyer's next hold waits until this order is paid (webhook in).
  for (let i = 0; i < 200; i++) {
    const o = await call(url, c, 'GET', `/api/orders/${orderId}`);
    if (o.json.status === 'paid') return true;
    if (o.json.status !== 'pending') return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

export async function monitoringBench() {
  const lines: string[] = [];
  await hookOverhead(lines);
  await dashboardMoves(lines);
  return { markdown: lines.join('\n') };
}
