import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { call, randomSeats, signUp } from './lib/buyers.ts';
import { type CpuShare, measureCpu } from './lib/cpu.ts';
import { machineLine } from './lib/machine.ts';
import { createBenchDatabase } from './lib/pg.ts';
import { startPlatform } from './lib/processes.ts';
import { createStadiumSession } from './lib/stadium-session.ts';
import { closedLoop } from './lib/stats.ts';

/**
 * Issue 4 bench: seat holds over HTTP at 64 concurrent buyers against PostgreSQL, compared with
 * the same conditional UPDATE sent straight through `pg` in the same run; then the whole flow
 * hold → order → pay → tickets issued (webhook included), end to end per buyer.
 */
const CLIENTS = 64;
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const LIGHT_FLOW_CLIENTS = Number(process.env.BENCH_LIGHT_FLOW_CLIENTS ?? 8);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function bookingBench() {
  const db = await createBenchDatabase('tk_bench_booking');
  const { sessionId, seatIds } = await createStadiumSession(db.url);
  const platform = await startPlatform({
    DATABASE_URL: db.url,
    REDIS_URL,
    REDIS_KEY_PREFIX: `tk-bench-${Date.now()}:`,
    TRUST_PROXY: 'true',
    SEED_DEMO: 'false',
    DB_POOL_MAX: '20',
  });
  const lines: string[] = [];
  try {
    const clients = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => signUp(platform.url, i)));

    // Baseline: the hold's conditional UPDATE alone, straight through pg (short expiry so seats churn).
    const pool = new pg.Pool({ connectionString: db.url, max: CLIENTS });
    const dbName = new URL(db.url).pathname.slice(1);
    const cpu: Record<string, CpuShare | null> = {};
    const measured = async (row: string, run: () => ReturnType<typeof closedLoop>) => {
      const { result, cpu: share } = await measureCpu(dbName, run);
      cpu[row] = share;
      return result;
    };

    const direct = await measured('direct', () =>
      closedLoop(CLIENTS, SECONDS, async () => {
        const r = await pool.query(
          `update seat_inventory set status = 'held', hold_id = $1, hold_expires_at = now() + interval '200 milliseconds', version = version + 1
         where session_id = $2 and seat_id = any($3::text[]) and (status = 'available' or (status = 'held' and hold_expires_at < now()))
         returning seat_id`,
          [randomUUID(), sessionId, randomSeats(seatIds, 2)],
        );
        return r.rowCount === 2;
      }),
    );
    const reset = () =>
      pool.query(
        `update seat_inventory set status = 'available', hold_id = null, hold_expires_at = null where session_id = $1`,
        [sessionId],
      );
    await reset();

    // The whole hold (release the buyer's previous hold, insert the hold, take the seats) straight
    // through pg: what the HTTP path costs the database, without HTTP.
    const userIds = (
      await pool.query<{ id: string }>('select id from users order by created_at limit $1', [CLIENTS])
    ).rows.map((r) => r.id);
    const fn = await measured('fn', () =>
      closedLoop(CLIENTS, SECONDS, async (w) => {
        try {
          await pool.query(`select * from tk_create_hold($1::uuid, $2::uuid, $3::text[], '[]'::jsonb, 10)`, [
            sessionId,
            userIds[w],
            randomSeats(seatIds, 2),
          ]);
          return true;
        } catch {
          return false;
        }
      }),
    );
    await pool.query(`update holds set status = 'released' where status = 'active'`);
    await reset();
    await pool.end();

    // Holds over HTTP: each buyer holds 2 random seats, replacing their previous hold each time.
    const http = await measured('http', () =>
      closedLoop(CLIENTS, SECONDS, async (w) => {
        const r = await call(platform.url, clients[w]!, 'POST', `/api/sessions/${sessionId}/holds`, {
          seatIds: randomSeats(seatIds, 2),
        });
        return r.status === 201;
      }),
    );

    // The whole flow per buyer: hold → order → pay → order paid with tickets (webhook included).
    const flowTurn = async (w: number) => {
      const c = clients[w]!;
      const hold = await call(platform.url, c, 'POST', `/api/sessions/${sessionId}/holds`, {
        seatIds: randomSeats(seatIds, 2),
      });
      if (hold.status !== 201) return false;
      const order = await call(
        platform.url,
        c,
        'POST',
        '/api/orders',
        { holdId: hold.json.holdId },
        { 'idempotency-key': randomUUID() },
      );
      if (order.status !== 201) return false;
      const paid = await call(
        platform.url,
        c,
        'POST',
        `/api/testpay/payments/${order.json.payment.id}/confirm`,
        { cardNumber: '4242424242424242' },
      );
      if (paid.json?.status !== 'succeeded') return false;
      for (let i = 0; i < 200; i++) {
        const o = await call(platform.url, c, 'GET', `/api/orders/${order.json.id}`);
        if (o.json.status === 'paid') return o.json.tickets.length === 2;
        if (o.json.status !== 'pending') return false;
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    };
    const flow = await measured('flow', () => closedLoop(CLIENTS, SECONDS, flowTurn));
    // The same flow with fewer buyers at once: at 64 closed-loop buyers the machine is saturated
    // and latency is mostly queueing (64 / rate); this row shows a buyer's latency below that.
    // The target is judged on the 64-buyer row above, not on this one.
    const flowLight = await measured('flowLight', () => closedLoop(LIGHT_FLOW_CLIENTS, SECONDS, flowTurn));

    const ratio = Math.round((http.perSecond / direct.perSecond) * 100);
    lines.push(
      `### Booking core — ${machineLine()}`,
      '',
      `Stadium session with ${seatIds.length} seats on PostgreSQL, Redis coordinator, ${CLIENTS} concurrent buyers, ${SECONDS} s per row; server and load share the machine.`,
      '',
      '| scenario | per s | vs direct UPDATE | p50 ms | p90 ms | p99 ms | max ms | not taken / failed |',
      '|---|---|---|---|---|---|---|---|',
      `| conditional UPDATE straight through pg (baseline) | ${direct.perSecond} | 100% | ${direct.p50} | ${direct.p90} | ${direct.p99} | ${direct.max} | ${direct.failures} |`,
      `| whole hold (tk_create_hold) straight through pg | ${fn.perSecond} | ${Math.round((fn.perSecond / direct.perSecond) * 100)}% | ${fn.p50} | ${fn.p90} | ${fn.p99} | ${fn.max} | ${fn.failures} |`,
      `| POST /api/sessions/:id/holds over HTTP | ${http.perSecond} | ${ratio}% | ${http.p50} | ${http.p90} | ${http.p99} | ${http.max} | ${http.failures} |`,
      `| hold → order → pay → tickets issued (whole flow) | ${flow.perSecond} | — | ${flow.p50} | ${flow.p90} | ${flow.p99} | ${flow.max} | ${flow.failures} |`,
      `| the same whole flow, ${LIGHT_FLOW_CLIENTS} buyers at once (not saturated; diagnostic) | ${flowLight.perSecond} | — | ${flowLight.p50} | ${flowLight.p90} | ${flowLight.p99} | ${flowLight.max} | ${flowLight.failures} |`,
    );
    if (cpu.direct) {
      const rows = [
        ['conditional UPDATE straight through pg', cpu.direct, direct.perSecond],
        ['whole hold straight through pg', cpu.fn, fn.perSecond],
        ['holds over HTTP', cpu.http, http.perSecond],
        ['whole flow', cpu.flow, flow.perSecond],
        [`whole flow, ${LIGHT_FLOW_CLIENTS} buyers`, cpu.flowLight, flowLight.perSecond],
      ] as const;
      lines.push(
        '',
        'CPU while each row ran, in % of one core (the machine has 2 cores: 200%). "load generator" is the bench process (pg client or HTTP client), "server" the platform process (in brackets its main thread, the event loop; the rest is worker threads such as ticket PDF rendering, and GC helpers), "postgres" the backends of the bench database; the rest of "machine" is PostgreSQL background work, Redis, the kernel and anything else running. µs per op = (load generator + server + postgres) CPU per completed operation.',
        '',
        '| row | load generator | server (main thread) | postgres | machine | µs CPU per op |',
        '|---|---|---|---|---|---|',
        ...rows.map(([name, c, rate]) =>
          c
            ? `| ${name} | ${c.loadgen}% | ${c.server}% (${c.serverMain}%) | ${c.postgres}% | ${c.machine}% | ${Math.round(((c.loadgen + c.server + c.postgres) * 10_000) / Math.max(1, rate))} |`
            : `| ${name} | — | — | — | — | — |`,
        ),
      );
    }
  } finally {
    if (process.env.BENCH_SHOW_SERVER_OUTPUT) console.log(platform.output().slice(-3000));
    await platform.stop();
    await db.drop();
  }
  return { markdown: lines.join('\n') };
}
