import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, signIn } from '../../../test/actors.ts';
import { makeTestApp } from '../../../test/app.ts';
import { databaseBackends } from '../../../test/databases.ts';
import { publishedSession } from '../../../test/fixtures.ts';
import { queryRows } from '../../db/client.ts';

const backends = await databaseBackends();

type Sample = {
  labels?: Record<string, string>;
  value?: string;
  buckets?: Record<string, string>;
  count?: string;
};
type Family = { name: string; type: string; metrics: Sample[] };

/**
 * Scrapes /metrics and parses it with an independent Prometheus text-format parser, which throws
 * on any line that breaks the format. That parser folds a histogram's labelled series into one
 * (it only keeps label-less ones apart), so for per-series values the text is parsed a second
 * time with histograms declared untyped: each `_bucket`, `_sum` and `_count` line then keeps its labels.
 */
async function scrape(app: Awaited<ReturnType<typeof makeTestApp>>['app']) {
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  const families = parsePrometheusTextFormat(res.body) as Family[];
  const samples = parsePrometheusTextFormat(
    res.body.replace(/^# TYPE (\S+) histogram$/gm, '# TYPE $1 untyped'),
  ) as Family[];
  const family = (name: string) => families.find((f) => f.name === name);
  const series = (name: string, labels: Record<string, string> = {}) =>
    // Interleaved series come back as several families of the same name: take them all.
    samples
      .filter((f) => f.name === name)
      .flatMap((f) => f.metrics)
      .filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  /** A counter or gauge, or a histogram's count (its `_count` sample). */
  const value = (name: string, labels: Record<string, string> = {}) => {
    const isHistogram = family(name)?.type === 'HISTOGRAM';
    const sample = series(isHistogram ? `${name}_count` : name, labels)[0];
    return sample ? Number(sample.value) : undefined;
  };
  return { families, family, series, value };
}

const poll = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe.each(backends)('monitoring on $name', (backend) => {
  let ctx: Awaited<ReturnType<typeof makeTestApp>>;
  let sessionId: string;
  let eventId: string;
  let admin: Actor;
  let buyer: Actor;
  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db, q);

  /** hold → order → pay with the test card → webhook delivered: a paid order with tickets. */
  async function buy(who: Actor, seatIds: string[]) {
    const hold = await who.post(`/api/sessions/${sessionId}/holds`, { seatIds });
    expect(hold.statusCode, hold.body).toBe(201);
    const order = await ctx.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { cookie: who.cookie, 'idempotency-key': randomUUID() },
      payload: { holdId: hold.json().holdId },
    });
    expect(order.statusCode, order.body).toBe(201);
    const paymentId = order.json().payment.id as string;
    await ctx.app.inject({
      method: 'POST',
      url: `/api/testpay/payments/${paymentId}/confirm`,
      payload: { cardNumber: '4242 4242 4242 4242' },
    });
    for (let i = 0; i < 5; i++) await ctx.app.services.testpay.deliverDue();
    return order.json().id as string;
  }

  beforeAll(async () => {
    ctx = await makeTestApp(await backend.open());
    ({ sessionId, eventId } = await publishedSession(ctx.app));
    admin = await signIn(ctx.app, 'admin');
    buyer = await signIn(ctx.app);
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.database.close();
  });

  it('times requests by route pattern and status, never by raw URL', async () => {
    const before = await scrape(ctx.app);
    const labels = { method: 'GET', route: '/api/sessions/:id', status_code: '200' };
    const start = before.value('http_request_duration_seconds', labels) ?? 0;
    await ctx.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` });
    await ctx.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}?x=1` });
    await ctx.app.inject({ method: 'GET', url: `/api/sessions/${randomUUID()}` });
    await ctx.app.inject({ method: 'GET', url: '/api/no-such-route' });

    const after = await scrape(ctx.app);
    expect(after.family('http_request_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(after.value('http_request_duration_seconds', labels)).toBe(start + 2);
    expect(after.value('http_request_duration_seconds', { ...labels, status_code: '404' })).toBe(1);
    expect(after.value('http_request_duration_seconds', { route: '(unmatched)', status_code: '404' })).toBe(
      1,
    );
    const counts = after.series('http_request_duration_seconds_count');
    expect(counts.some((m) => m.labels?.route?.includes(sessionId))).toBe(false);
    // The buckets of a series are cumulative and end at its count.
    const buckets = after.series('http_request_duration_seconds_bucket', labels).map((m) => Number(m.value));
    expect(buckets).toHaveLength(23);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    expect(buckets.at(-1)).toBe(start + 2);
  });

  it('exposes process, database and mail figures', async () => {
    const m = await scrape(ctx.app);
    expect(m.value('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(m.family('nodejs_eventloop_lag_p99_seconds')).toBeDefined();
    expect(m.value('ticketing_db_query_duration_seconds', { outcome: 'ok' })).toBeGreaterThan(0);
    expect(m.value('ticketing_emails_total', { outcome: 'failed' })).toBe(0);
    expect(m.value('ticketing_monitoring_db_up')).toBe(1);
    const pool = m.value('ticketing_db_pool_connections', { state: 'max' });
    if (backend.name === 'postgres') expect(pool).toBe(10);
    else expect(pool).toBeUndefined();
  });

  it('moves holds, orders, tickets, jobs and emails after a real booking', async () => {
    const before = await scrape(ctx.app);
    const paidBefore = before.value('ticketing_orders', { status: 'paid' }) ?? 0;
    const ticketsBefore = before.value('ticketing_tickets', { status: 'active' }) ?? 0;
    const sentBefore = before.value('ticketing_emails_total', { outcome: 'sent' }) ?? 0;

    const hold = await buyer.post(`/api/sessions/${sessionId}/holds`, {
      seatIds: ['r5-s0', 'r5-s1', 'r5-s2'],
    });
    expect(hold.statusCode).toBe(201);
    const held = await poll(
      () => scrape(ctx.app),
      (m) => m.value('ticketing_seats_held') === 3,
    );
    expect(held.value('ticketing_holds_active')).toBe(1);
    await buyer.del(`/api/holds/${hold.json().holdId}`);

    await buy(buyer, ['r0-s0', 'r0-s1']);
    const after = await poll(
      () => scrape(ctx.app),
      (m) =>
        m.value('ticketing_orders', { status: 'paid' }) === paidBefore + 1 &&
        m.value('ticketing_emails_total', { outcome: 'sent' }) === sentBefore + 1,
    );
    expect(after.value('ticketing_orders', { status: 'paid' })).toBe(paidBefore + 1);
    expect(after.value('ticketing_tickets', { status: 'active' })).toBe(ticketsBefore + 2);
    expect(after.value('ticketing_emails_total', { outcome: 'sent' })).toBe(sentBefore + 1);
    expect(
      after.value('ticketing_job_attempts_total', { queue: 'ticket-delivery', outcome: 'completed' }),
    ).toBe(1);
    expect(after.value('ticketing_holds_active')).toBe(0);
    const jobs = after.family('ticketing_jobs')!.metrics.filter((s) => s.labels?.queue === 'ticket-delivery');
    expect(jobs.map((s) => s.labels?.state).sort()).toEqual(['active', 'failed', 'queued']);
  });

  it('answers the registrations series with exactly the orders and tickets in the database', async () => {
    await buy(buyer, ['r1-s0']);
    await buy(buyer, ['r1-s1', 'r1-s2']);
    // Spread the orders over the last day so several hours have data.
    const ids = (await rows<{ id: string }>(sql`select id::text from orders order by created_at`)).map(
      (r) => r.id,
    );
    for (const [i, id] of ids.entries())
      await ctx.database.db.execute(
        sql`update orders set created_at = now() - make_interval(hours => ${i * 5}) where id = ${id}::uuid`,
      );
    const to = new Date(Date.now() + 60_000).toISOString();
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const res = await admin.get(
      `/api/admin/monitoring/registrations?from=${from}&to=${to}&bucket=hour&tz=Europe/Paris&eventId=${eventId}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const series = res.json();
    const expected = await rows<{ t: number; n: number }>(
      sql`select (extract(epoch from date_trunc('hour', created_at at time zone 'Europe/Paris') at time zone 'Europe/Paris') * 1000)::float8 as t,
            count(*)::int as n from orders where created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz group by 1`,
    );
    const fromSeries = series.points
      .filter((p: { orders: number }) => p.orders > 0)
      .map((p: { t: string; orders: number }) => ({ t: Date.parse(p.t), n: p.orders }));
    expect(fromSeries).toEqual(expected.sort((a, b) => a.t - b.t));
    expect(expected.length).toBeGreaterThan(1);
    const { tickets } = (
      await rows<{ tickets: number }>(sql`select count(*)::int as tickets from tickets`)
    )[0]!;
    expect(series.totals.tickets).toBe(tickets);
    // Every hour of the range is there, empty ones included, in order.
    const times = series.points.map((p: { t: string }) => Date.parse(p.t));
    expect(times.length).toBeGreaterThanOrEqual(48);
    expect(times.every((t: number, i: number) => i === 0 || t - times[i - 1] === 3_600_000)).toBe(true);

    const other = await admin.get(
      `/api/admin/monitoring/registrations?from=${from}&to=${to}&bucket=day&sessionId=${randomUUID()}`,
    );
    expect(other.json().totals).toEqual({ orders: 0, paidOrders: 0, tickets: 0 });
    const tooMany = await admin.get(
      `/api/admin/monitoring/registrations?from=${from}&to=${to}&bucket=minute`,
    );
    expect(tooMany.statusCode).toBe(400);
  });

  it('shows the session on sale with its sold and held seats, revenue and category sales', async () => {
    const hold = await buyer.post(`/api/sessions/${sessionId}/holds`, { seatIds: ['r4-s4'] });
    expect(hold.statusCode).toBe(201);
    const overview = (await admin.get('/api/admin/monitoring/overview')).json();
    const event = overview.events.find((e: { id: string }) => e.id === eventId);
    const session = event.sessions[0];
    const { sold } = (
      await rows<{ sold: number }>(
        sql`select count(*)::int as sold from tickets where session_id = ${sessionId}::uuid and status <> 'cancelled'`,
      )
    )[0]!;
    expect(session).toMatchObject({ id: sessionId, status: 'on_sale', capacity: 60, sold, held: 1 });
    expect(session.revenue).toEqual([{ currency: 'EUR', amountCents: sold * 2000 }]);
    expect(overview.sessionsByStatus.on_sale).toBeGreaterThanOrEqual(1);

    const categories = (await admin.get(`/api/admin/monitoring/categories?sessionId=${sessionId}`)).json();
    expect(categories.items).toEqual([
      {
        category: 'stalls',
        label: 'Stalls',
        color: '#0072b2',
        tickets: sold,
        revenue: [{ currency: 'EUR', amountCents: sold * 2000 }],
      },
    ]);
  });

  it('reports this minute’s latency percentiles and throughput per route', async () => {
    for (let i = 0; i < 5; i++) await ctx.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}` });
    const perf = (await admin.get('/api/admin/monitoring/performance?minutes=5')).json();
    expect(perf.processes).toBe(1);
    expect(perf.minutes).toHaveLength(5);
    const last = perf.minutes.at(-1);
    expect(last.requests).toBeGreaterThanOrEqual(5);
    expect(last.p50Ms).toBeGreaterThan(0);
    expect(last.p99Ms).toBeGreaterThanOrEqual(last.p50Ms);
    expect(last.loopP99Ms).not.toBeUndefined();
    const route = perf.routes.find((r: { route: string }) => r.route === '/api/sessions/:id');
    expect(route).toMatchObject({ method: 'GET' });
    expect(route.requests).toBeGreaterThanOrEqual(5);
    expect(perf.queues).toEqual([]);
  });

  it('includes registered waiting-room figures in the dashboard and /metrics', async () => {
    const remove = ctx.app.monitoring.registerQueueSource(() => [
      { sessionId, waiting: 1200, admitted: 340, activeShoppers: 80, admissionRatePerMinute: 60 },
    ]);
    try {
      const perf = (await admin.get('/api/admin/monitoring/performance?minutes=5')).json();
      expect(perf.queues).toEqual([
        { sessionId, waiting: 1200, admitted: 340, activeShoppers: 80, admissionRatePerMinute: 60 },
      ]);
      const m = await scrape(ctx.app);
      expect(m.value('ticketing_queue_waiting', { session_id: sessionId })).toBe(1200);
      expect(m.value('ticketing_queue_admission_rate_per_minute', { session_id: sessionId })).toBe(60);
    } finally {
      remove();
    }
    expect(
      (await scrape(ctx.app)).value('ticketing_queue_waiting', { session_id: sessionId }),
    ).toBeUndefined();
  });

  it('lets only admins read the monitoring API (401 anonymous, 403 user)', async () => {
    const now = new Date().toISOString();
    const urls = [
      '/api/admin/monitoring/overview',
      `/api/admin/monitoring/registrations?from=${now}&to=${now}`,
      '/api/admin/monitoring/categories',
      '/api/admin/monitoring/performance',
    ];
    for (const url of urls) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      expect((await buyer.get(url)).statusCode, url).toBe(403);
    }
  });

  it('is ready while database, coordinator and jobs run, and answers 503 once jobs stop', async () => {
    const ready = await ctx.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ready',
      checks: { db: { ok: true, kind: backend.name }, coordinator: { ok: true }, jobs: { ok: true } },
    });
    await ctx.app.services.ticketing.jobs.stop();
    const down = await ctx.app.inject({ method: 'GET', url: '/api/ready' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.json()).toMatchObject({
      code: 'NOT_READY',
      checks: { jobs: { ok: false }, db: { ok: true } },
    });
  });
});
