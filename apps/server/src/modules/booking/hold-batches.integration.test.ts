import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/actors.ts';
import { makeTestApp } from '../../../test/app.ts';
import { openPostgres } from '../../../test/databases.ts';
import { publishedSession, type SessionFixture, seatHold } from '../../../test/fixtures.ts';
import { requireService } from '../../../test/services.ts';
import { queryRows } from '../../db/client.ts';
import { bookingRepository } from './repository.ts';

// Lock waits need a second connection: PostgreSQL only (PGlite has one connection and no waits).
const hasPostgres = await requireService('postgres');

describe.runIf(hasPostgres)('hold batches waiting for locks on PostgreSQL', () => {
  let ctx: Awaited<ReturnType<typeof makeTestApp>>;
  let room: SessionFixture;
  let users: string[];

  beforeAll(async () => {
    ctx = await makeTestApp(await openPostgres());
    room = await publishedSession(ctx.app);
    const actors = await Promise.all([signIn(ctx.app), signIn(ctx.app)]);
    users = await Promise.all(actors.map(async (a) => (await a.get('/api/me')).json().user.id as string));
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.database.close();
  });

  it('stops an item that waits for a lock in a batch, goes on with the rest, then runs it alone', async () => {
    const repo = bookingRepository(ctx.database.db);
    const item = (userId: string, seatIds: string[]) => seatHold(room.sessionId, userId, seatIds);
    // Another transaction has seat r0-s0 locked (it changes it and leaves it free) for 400 ms.
    let lockTaken!: () => void;
    const locked = new Promise<void>((r) => {
      lockTaken = r;
    });
    let blockerDone = 0;
    const blocker = ctx.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`update seat_inventory set version = version + 1 where session_id = ${room.sessionId} and seat_id = 'r0-s0'`,
      );
      lockTaken();
      await new Promise((r) => setTimeout(r, 400));
      blockerDone = performance.now();
    });
    await locked;
    const started = performance.now();
    // One batch: the first item waits for r0-s0, the second needs nothing locked.
    const [waiting, free] = await Promise.all([
      repo.createHold(item(users[0]!, ['r0-s0'])).then((r) => ({ ...r, at: performance.now() })),
      repo.createHold(item(users[1]!, ['r0-s1'])).then((r) => ({ ...r, at: performance.now() })),
    ]);
    await blocker;
    // The free item did not wait for the lock (50 ms in the batch, then the batch went on)...
    expect(free.at - started).toBeLessThan(350);
    // ...and the waiting one was run again alone, which waited for the blocker and then held.
    expect(waiting.at).toBeGreaterThanOrEqual(blockerDone);
    expect(waiting.at - started).toBeLessThan(1_000); // not PostgreSQL's 1 s deadlock timeout
    const rows = await queryRows<{ seat_id: string; status: string; hold_id: string }>(
      ctx.database.db,
      sql`select seat_id, status, hold_id from seat_inventory where session_id = ${room.sessionId} and seat_id in ('r0-s0', 'r0-s1') order by seat_id`,
    );
    expect(rows).toEqual([
      { seat_id: 'r0-s0', status: 'held', hold_id: waiting.hold.id },
      { seat_id: 'r0-s1', status: 'held', hold_id: free.hold.id },
    ]);
    // One active hold each: the stopped attempt left no hold row behind.
    const active = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from holds where session_id = ${room.sessionId} and status = 'active'`,
    );
    expect(active[0]!.n).toBe(2);
  });
});
