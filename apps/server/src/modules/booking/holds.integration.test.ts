import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, signIn } from '../../../test/actors.ts';
import { makeTestApp } from '../../../test/app.ts';
import { databaseBackends } from '../../../test/databases.ts';
import { publishedSession, type SessionFixture, seatHold } from '../../../test/fixtures.ts';
import { queryRows } from '../../db/client.ts';
import { bookingRepository, type RollbackWith } from './repository.ts';

const backends = await databaseBackends();

describe.each(backends)('seat holds on $name', (backend) => {
  let ctx: Awaited<ReturnType<typeof makeTestApp>>;
  let room: SessionFixture;
  let ga: SessionFixture;
  let alice: Actor;
  let bob: Actor;

  const seatRow = async (sessionId: string, seatId: string) =>
    (
      await queryRows<{ status: string; hold_id: string | null }>(
        ctx.database.db,
        sql`select status, hold_id from seat_inventory where session_id = ${sessionId} and seat_id = ${seatId}`,
      )
    )[0]!;
  const hold = (who: Actor, sessionId: string, body: unknown) =>
    who.post(`/api/sessions/${sessionId}/holds`, body);

  beforeAll(async () => {
    ctx = await makeTestApp(await backend.open());
    room = await publishedSession(ctx.app);
    ga = await publishedSession(ctx.app, { kind: 'ga-svg' });
    alice = await signIn(ctx.app);
    bob = await signIn(ctx.app);
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.database.close();
  });

  it('holds chosen seats and shows them held in the compact availability', async () => {
    const res = await hold(alice, room.sessionId, { seatIds: ['r0-s0', 'r0-s1'] });
    expect(res.statusCode).toBe(201);
    expect(res.json().seats.map((s: { row: string; label: string }) => `${s.row}${s.label}`)).toEqual([
      'A1',
      'A2',
    ]);
    expect(new Date(res.json().expiresAt).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
    const plan = (await ctx.app.inject({ url: `/api/sessions/${room.sessionId}/seatmap` })).json().plan;
    const order = plan.sections.flatMap((s: { rows: { seats: { id: string }[] }[] }) =>
      s.rows.flatMap((r) => r.seats.map((x) => x.id)),
    );
    const availability = (
      await ctx.app.inject({ url: `/api/sessions/${room.sessionId}/availability` })
    ).json();
    expect(availability.seats).toHaveLength(60);
    ctx.app.services.booking.dropSnapshot();
    const fresh = (await ctx.app.inject({ url: `/api/sessions/${room.sessionId}/availability` })).json();
    expect(fresh.seats[order.indexOf('r0-s0')]).toBe('1');
    expect(fresh.seats[order.indexOf('r0-s5')]).toBe('0');
  });

  it('refuses a seat someone else holds, naming it, and changes nothing', async () => {
    const res = await hold(bob, room.sessionId, { seatIds: ['r0-s2', 'r0-s1'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SEATS_UNAVAILABLE');
    expect(res.json().seatIds).toEqual(['r0-s1']);
    expect((await seatRow(room.sessionId, 'r0-s2')).status).toBe('available');
    expect((await seatRow(room.sessionId, 'r0-s1')).status).toBe('held');
  });

  it('rejects unknown seats, seats of another session and too many seats with 400', async () => {
    const unknown = await hold(bob, room.sessionId, { seatIds: ['nope'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('UNKNOWN_SEATS');
    const foreign = await hold(bob, room.sessionId, { seatIds: ['L-A1'] });
    expect(foreign.statusCode).toBe(400);
    const many = await hold(bob, room.sessionId, {
      seatIds: ['r3-s0', 'r3-s1', 'r3-s2', 'r3-s3', 'r3-s4', 'r3-s5', 'r3-s6'],
    });
    expect(many.statusCode).toBe(400);
    expect(many.json().code).toBe('TOO_MANY_SEATS');
    const both = await hold(bob, room.sessionId, { seatIds: ['r3-s0'], category: 'stalls', quantity: 1 });
    expect(both.statusCode).toBe(400);
    const dup = await hold(bob, room.sessionId, { seatIds: ['r3-s0', 'r3-s0'] });
    expect(dup.statusCode).toBe(400);
    expect((await seatRow(room.sessionId, 'r3-s0')).status).toBe('available');
  });

  it('keeps one active hold per buyer per session: a new hold replaces the old one', async () => {
    const first = await hold(bob, room.sessionId, { seatIds: ['r1-s0'] });
    expect(first.statusCode).toBe(201);
    const second = await hold(bob, room.sessionId, { seatIds: ['r1-s5'] });
    expect(second.statusCode).toBe(201);
    expect((await seatRow(room.sessionId, 'r1-s0')).status).toBe('available');
    expect((await bob.get(`/api/holds/${first.json().holdId}`)).json().status).toBe('released');
  });

  it('keeps the old hold when the replacement fails', async () => {
    const mine = await hold(bob, room.sessionId, { seatIds: ['r1-s6'] });
    const res = await hold(bob, room.sessionId, { seatIds: ['r0-s0'] }); // alice has it
    expect(res.statusCode).toBe(409);
    expect((await seatRow(room.sessionId, 'r1-s6')).hold_id).toBe(mine.json().holdId);
  });

  it('releases a hold at once, and only its owner can', async () => {
    const h = (await hold(bob, room.sessionId, { seatIds: ['r2-s0'] })).json();
    expect((await alice.del(`/api/holds/${h.holdId}`)).statusCode).toBe(404);
    expect((await bob.del(`/api/holds/${h.holdId}`)).statusCode).toBe(204);
    expect((await seatRow(room.sessionId, 'r2-s0')).status).toBe('available');
    expect((await bob.del(`/api/holds/${h.holdId}`)).statusCode).toBe(204);
  });

  it('never lets an expired hold block a seat, sweeper or not', async () => {
    const carol = await signIn(ctx.app);
    const h = (await hold(carol, room.sessionId, { seatIds: ['r2-s3'] })).json();
    await ctx.database.db.execute(
      sql`update seat_inventory set hold_expires_at = now() - interval '1 second' where hold_id = ${h.holdId}`,
    );
    await ctx.database.db.execute(
      sql`update holds set expires_at = now() - interval '1 second' where id = ${h.holdId}`,
    );
    const taken = await hold(bob, room.sessionId, { seatIds: ['r2-s3'] });
    expect(taken.statusCode).toBe(201);
    // The sweeper then ends carol's hold without touching the seat bob now holds.
    await ctx.app.services.booking.sweepExpiredHolds();
    expect((await carol.get(`/api/holds/${h.holdId}`)).json().status).toBe('expired');
    expect((await seatRow(room.sessionId, 'r2-s3')).hold_id).toBe(taken.json().holdId);
  });

  it('picks the best available adjacent seats in a category', async () => {
    const dave = await signIn(ctx.app);
    const res = await hold(dave, room.sessionId, { category: 'circle', quantity: 3 });
    expect(res.statusCode).toBe(201);
    const seats = res.json().seats as { row: string; label: string; category: string }[];
    expect(seats).toHaveLength(3);
    expect(new Set(seats.map((s) => s.row)).size).toBe(1);
    expect(seats.every((s) => s.category === 'circle')).toBe(true);
    const tooMany = await hold(dave, room.sessionId, { category: 'circle', quantity: 6 });
    expect(tooMany.statusCode).toBe(201);
  });

  it('never takes general admission below zero, even under concurrent requests', async () => {
    const buyers = await Promise.all(Array.from({ length: 8 }, () => signIn(ctx.app)));
    const results = await Promise.all(
      buyers.map((b) => hold(b, ga.sessionId, { gaAreaId: 'pit', quantity: 3 })),
    );
    const ok = results.filter((r) => r.statusCode === 201).length;
    expect(ok).toBe(3);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'GA_SOLD_OUT')).toBe(
      true,
    );
    const [row] = await queryRows<{ remaining: number }>(
      ctx.database.db,
      sql`select remaining from ga_inventory where session_id = ${ga.sessionId} and area_id = 'pit'`,
    );
    expect(row!.remaining).toBe(1);
  });

  it('lets exactly one of many concurrent buyers hold the same seats', async () => {
    const buyers = await Promise.all(Array.from({ length: 16 }, () => signIn(ctx.app)));
    const results = await Promise.all(
      buyers.map((b) => hold(b, ga.sessionId, { seatIds: ['R-B3', 'R-B4'] })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(15);
    const holders = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(distinct hold_id)::int as n from seat_inventory where session_id = ${ga.sessionId} and seat_id in ('R-B3', 'R-B4')`,
    );
    expect(holders[0]!.n).toBe(1);
  });

  it('decides each hold of a batch on its own: a refused one undoes only itself', async () => {
    // Holds submitted in the same turn with nothing in flight leave as ONE tk_take_holds batch;
    // the items run in order and each sees what the items before it did.
    const s = await publishedSession(ctx.app);
    const [erin, finn] = await Promise.all([signIn(ctx.app), signIn(ctx.app)]);
    const idOf = async (a: Actor) => (await a.get('/api/me')).json().user.id as string;
    const [e, f] = await Promise.all([idOf(erin), idOf(finn)]);
    const repo = bookingRepository(ctx.database.db);
    const item = (userId: string, seatIds: string[]) => seatHold(s.sessionId, userId, seatIds);
    const [first, refused, other, replacement] = await Promise.allSettled([
      repo.createHold(item(e, ['r0-s0', 'r0-s1'])),
      repo.createHold(item(f, ['r0-s1', 'r0-s2'])), // r0-s1 was just taken by the item before
      repo.createHold(item(f, ['r0-s3'])),
      repo.createHold(item(e, ['r0-s1', 'r0-s4'])), // replaces erin's first hold, keeping r0-s1
    ]);
    expect(first.status).toBe('fulfilled');
    expect(refused.status).toBe('rejected');
    expect(((refused as PromiseRejectedResult).reason as RollbackWith).reason).toEqual({
      kind: 'seats',
      seatIds: ['r0-s1'],
    });
    const held = (r: PromiseSettledResult<Awaited<ReturnType<typeof repo.createHold>>>) =>
      (r as PromiseFulfilledResult<Awaited<ReturnType<typeof repo.createHold>>>).value;
    expect(held(replacement).freed.sort()).toEqual(['r0-s0', 'r0-s1']);
    const seat = (id: string) => seatRow(s.sessionId, id);
    expect((await seat('r0-s0')).status).toBe('available');
    expect((await seat('r0-s1')).hold_id).toBe(held(replacement).hold.id);
    expect((await seat('r0-s2')).status).toBe('available'); // the refused item left nothing behind
    expect((await seat('r0-s3')).hold_id).toBe(held(other).hold.id);
    expect((await seat('r0-s4')).hold_id).toBe(held(replacement).hold.id);
    const holdsNow = await queryRows<{ id: string; status: string }>(
      ctx.database.db,
      sql`select id, status from holds where session_id = ${s.sessionId} order by created_at`,
    );
    expect(Object.fromEntries(holdsNow.map((h) => [h.id, h.status]))).toEqual({
      [held(first).hold.id]: 'released',
      [held(other).hold.id]: 'active',
      [held(replacement).hold.id]: 'active',
    });
  });

  it('keeps its database connections when holds are refused', async () => {
    // node-postgres's Pool closes the connection of a statement that fails outside a transaction;
    // a refused hold must be an answer, not a failed statement, or every 409 costs a reconnect.
    const backends = () =>
      queryRows<{ pid: number }>(
        ctx.database.db,
        sql`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`,
      );
    const carol = await signIn(ctx.app);
    expect((await hold(alice, room.sessionId, { seatIds: ['r4-s0'] })).statusCode).toBe(201);
    const before = new Set((await backends()).map((r) => r.pid));
    for (let i = 0; i < 10; i++) {
      const res = await hold(carol, room.sessionId, { seatIds: ['r4-s1', 'r4-s0'] });
      expect(res.statusCode).toBe(409);
      expect(res.json().seatIds).toEqual(['r4-s0']);
    }
    if (backend.name === 'postgres') {
      const fresh = (await backends()).filter((r) => !before.has(r.pid));
      expect(fresh).toEqual([]);
    }
    // The refusals changed nothing: carol holds nothing, r4-s1 is still free.
    expect((await seatRow(room.sessionId, 'r4-s1')).status).toBe('available');
  });

  it('streams a snapshot and then live deltas over SSE', async () => {
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${address}/api/sessions/${room.sessionId}/stream`, {
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    };
    try {
      await readUntil('event: snapshot');
      const erin = await signIn(ctx.app);
      await hold(erin, room.sessionId, { seatIds: ['r5-s9'] });
      await readUntil('r5-s9');
      expect(text).toMatch(/event: delta\ndata: \{"s":"1","ids":\["r5-s9"\]\}/);
    } finally {
      controller.abort();
    }
  });
});
