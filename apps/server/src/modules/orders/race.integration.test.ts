import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../../../test/app.ts';
import { openPostgres, type TestDatabase } from '../../../test/databases.ts';
import { publishedSession } from '../../../test/fixtures.ts';
import { type ServerProcess, startServerPair } from '../../../test/server-process.ts';
import { requireService, TEST_REDIS_URL } from '../../../test/services.ts';
import { queryRows } from '../../db/client.ts';
import { pick, type RaceStats, raceClient } from './race-client.ts';

/**
 * The consistency proof: 64 buyers over real HTTP, spread across two server processes that share
 * PostgreSQL and Redis, fight over a handful of seats — holding, paying, being declined, releasing
 * and cancelling at random — and afterwards the invariants are checked from the database alone.
 */
const CLIENTS = 64;
const TURNS = 10;
const HOT_SEATS = [...Array.from({ length: 10 }, (_, i) => `r0-s${i}`), 'r1-s0', 'r1-s1'];

const pgUp = await requireService('postgres');
const redisUp = await requireService('redis');

describe.runIf(pgUp && redisUp)('booking race across two server processes (PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let servers: ServerProcess[] = [];
  let sessionId: string;
  const stats: RaceStats = {};
  const count = (k: string) => {
    stats[k] = (stats[k] ?? 0) + 1;
  };

  beforeAll(async () => {
    db = await openPostgres(20);
    const setup = await makeTestApp(db);
    sessionId = (await publishedSession(setup.app, { maxTicketsPerOrder: 4 })).sessionId;
    await setup.app.close();
    servers = await startServerPair({
      databaseUrl: db.url!,
      redisUrl: TEST_REDIS_URL,
      name: 'race',
      poolMax: 10,
    });
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.close();
  });

  it('never sells or holds a seat twice, and every order ends consistent', async () => {
    const random = Math.random;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const server = servers[i % servers.length]!;
        const other = servers[(i + 1) % servers.length]!;
        const me = raceClient(server.url, `10.77.${i >> 8}.${i & 255}`);
        await me.signUp(`racer${i}-${randomUUID()}@example.com`);
        const paid: string[] = [];
        for (let turn = 0; turn < TURNS; turn++) {
          const roll = random();
          if (roll < 0.15 && paid.length) {
            const orderId = paid.pop()!;
            const r = await me.call('POST', `/api/orders/${orderId}/cancel`, {});
            count(`cancel ${r.status}`);
            continue;
          }
          const seats = pick(HOT_SEATS, 1 + Math.floor(random() * 2), random);
          const hold = await me.call('POST', `/api/sessions/${sessionId}/holds`, { seatIds: seats });
          count(`hold ${hold.status}`);
          if (hold.status !== 201) continue;
          if (roll < 0.3) {
            count(`release ${(await me.call('DELETE', `/api/holds/${hold.json.holdId}`)).status}`);
            continue;
          }
          const order = await me.call(
            'POST',
            '/api/orders',
            { holdId: hold.json.holdId },
            { 'idempotency-key': randomUUID() },
          );
          count(`order ${order.status}`);
          if (order.status !== 201) continue;
          // Pay through the other process half the time: state lives in PostgreSQL, not in a process.
          const payer = random() < 0.5 ? me : raceClient(other.url, `10.78.${i >> 8}.${i & 255}`);
          const card = roll < 0.45 ? '4000000000000002' : '4242424242424242';
          const paidRes = await payer.call('POST', `/api/testpay/payments/${order.json.payment.id}/confirm`, {
            cardNumber: card,
          });
          count(`pay ${paidRes.json?.status ?? paidRes.status}`);
          if (paidRes.json?.status === 'succeeded') paid.push(order.json.id);
          // A declined buyer gives up and lets the seats go, so the hot seats keep changing hands.
          else
            count(
              `release after decline ${(await me.call('DELETE', `/api/holds/${hold.json.holdId}`)).status}`,
            );
        }
      }),
    );

    // Let every webhook and refund land, then judge from the database alone.
    const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(db.db, q);
    for (let i = 0; i < 100; i++) {
      const [busy] = await rows<{ n: number }>(sql`
        select (select count(*) from testpay_webhook_events where delivered_at is null)::int
             + (select count(*) from orders o join payments p on p.order_id = o.id
                where o.status = 'pending' and p.status = 'succeeded')::int
             + (select count(*) from refunds where status = 'requested')::int as n`);
      if (busy!.n === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log('race turns:', JSON.stringify(stats));

    const doubleSold = await rows<{ seat_id: string }>(sql`
      select seat_id from tickets where session_id = ${sessionId} and status <> 'cancelled' and seat_id is not null
      group by seat_id having count(*) > 1`);
    expect(doubleSold).toEqual([]);

    const doubleHeld = await rows<{ seat: string }>(sql`
      select seat from holds, unnest(seat_ids) as seat
      where session_id = ${sessionId} and status = 'active' and expires_at > now()
      group by seat having count(*) > 1`);
    expect(doubleHeld).toEqual([]);

    const [capacity] = await rows<{
      total: number;
      sold: number;
      held: number;
      available: number;
      other: number;
    }>(sql`
      select count(*)::int as total,
        (count(*) filter (where status = 'sold'))::int as sold,
        (count(*) filter (where status = 'held'))::int as held,
        (count(*) filter (where status = 'available'))::int as available,
        (count(*) filter (where status not in ('sold', 'held', 'available')))::int as other
      from seat_inventory where session_id = ${sessionId}`);
    expect(capacity!.sold + capacity!.held + capacity!.available).toBe(60);
    expect(capacity!.other).toBe(0);

    // Sold in inventory ⇔ exactly one live ticket.
    const mismatched = await rows<{ seat_id: string }>(sql`
      select i.seat_id from seat_inventory i
      left join tickets t on t.session_id = i.session_id and t.seat_id = i.seat_id and t.status <> 'cancelled'
      where i.session_id = ${sessionId} and ((i.status = 'sold') <> (t.id is not null))`);
    expect(mismatched).toEqual([]);

    const paidWithoutTickets = await rows<{ id: string }>(sql`
      select o.id from orders o
      where o.status = 'paid'
        and (select count(*) from tickets t where t.order_id = o.id)
         <> (select count(*) from order_items i where i.order_id = o.id)`);
    expect(paidWithoutTickets).toEqual([]);

    const refundedWithActive = await rows<{ id: string }>(sql`
      select distinct o.id from orders o join tickets t on t.order_id = o.id
      where o.status in ('refunded', 'failed', 'cancelled') and t.status <> 'cancelled'`);
    expect(refundedWithActive).toEqual([]);

    const [orders] = await rows<{ paid: number; refunded: number; pending: number }>(sql`
      select (count(*) filter (where status = 'paid'))::int as paid,
             (count(*) filter (where status = 'refunded'))::int as refunded,
             (count(*) filter (where status = 'pending'))::int as pending
      from orders`);
    console.log('race outcome:', JSON.stringify({ ...capacity, ...orders }));
    expect(orders!.paid).toBeGreaterThan(0);
    expect(stats['hold 409'] ?? 0).toBeGreaterThan(0);
  }, 240_000);
});
