import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Coordinator } from './port.ts';

/**
 * The behaviour every coordinator adapter must have, run against each of them
 * (coord.integration.test.ts). Every test works under its own random keys and channels, because
 * the Redis under test is shared with other suites and other runs.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pub/sub is asynchronous in both adapters: wait for the effect rather than a fixed time. */
async function waitFor(check: () => boolean, timeoutMs = 2_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

export function runCoordinatorContract(name: string, make: () => Promise<Coordinator>) {
  describe(`coordinator contract: ${name}`, () => {
    let coord: Coordinator;
    beforeAll(async () => {
      coord = await make();
    });
    afterAll(async () => {
      await coord?.close();
    });
    const unique = (what: string) => `contract:${randomUUID()}:${what}`;

    describe('counters', () => {
      it('increments atomically under 1,000 concurrent calls', async () => {
        const key = unique('counter');
        const results = await Promise.all(Array.from({ length: 1_000 }, () => coord.incr(key)));
        expect(new Set(results).size).toBe(1_000);
        expect(Math.min(...results)).toBe(1);
        expect(Math.max(...results)).toBe(1_000);
        expect(await coord.getCounter(key)).toBe(1_000);
      });

      it('increments by the given amount and returns the new value', async () => {
        const key = unique('counter');
        expect(await coord.incr(key, 5)).toBe(5);
        expect(await coord.incr(key, 10)).toBe(15);
        expect(await coord.incr(key, -3)).toBe(12);
      });

      it('reads a counter that was never incremented as 0', async () => {
        expect(await coord.getCounter(unique('never'))).toBe(0);
      });

      it('keeps counters of different keys apart', async () => {
        const a = unique('a');
        const b = unique('b');
        await coord.incr(a, 7);
        await coord.incr(b);
        expect(await coord.getCounter(a)).toBe(7);
        expect(await coord.getCounter(b)).toBe(1);
      });

      it('rejects an increment that is not an integer', async () => {
        await expect(coord.incr(unique('counter'), 1.5)).rejects.toThrow(RangeError);
      });
    });

    describe('values', () => {
      it('reads back a stored value and null for a missing key', async () => {
        const key = unique('value');
        await coord.setValue(key, '{"serving":42}');
        expect(await coord.getValue(key)).toBe('{"serving":42}');
        expect(await coord.getValue(unique('missing'))).toBeNull();
      });

      it('forgets a value once its time to live has passed', async () => {
        const key = unique('value');
        await coord.setValue(key, 'soon gone', 100);
        expect(await coord.getValue(key)).toBe('soon gone');
        await sleep(200);
        expect(await coord.getValue(key)).toBeNull();
      });

      it('drops the old time to live when a value is replaced without one', async () => {
        const key = unique('value');
        await coord.setValue(key, 'first', 100);
        await coord.setValue(key, 'second');
        await sleep(200);
        expect(await coord.getValue(key)).toBe('second');
      });

      it('deletes a value, and deleting a missing key is harmless', async () => {
        const key = unique('value');
        await coord.setValue(key, 'x');
        await coord.deleteKey(key);
        expect(await coord.getValue(key)).toBeNull();
        await expect(coord.deleteKey(key)).resolves.toBeUndefined();
      });

      it('lets only one of many concurrent setIfAbsent calls set the key', async () => {
        const key = unique('place');
        const wins = await Promise.all(
          Array.from({ length: 20 }, (_, i) => coord.setIfAbsent(key, `caller-${i}`, 10_000)),
        );
        const winners = wins.flatMap((won, i) => (won ? [i] : []));
        expect(winners).toHaveLength(1);
        expect(await coord.getValue(key)).toBe(`caller-${winners[0]}`);
        expect(await coord.setIfAbsent(key, 'late')).toBe(false);
      });

      it('lets setIfAbsent set the key again after its time to live', async () => {
        const key = unique('place');
        expect(await coord.setIfAbsent(key, 'first', 100)).toBe(true);
        await sleep(200);
        expect(await coord.setIfAbsent(key, 'second')).toBe(true);
        expect(await coord.getValue(key)).toBe('second');
      });

      it('rejects a time to live that is not a positive integer', async () => {
        await expect(coord.setValue(unique('value'), 'x', 0)).rejects.toThrow(RangeError);
      });
    });

    describe('groups', () => {
      it('reads back every member put into a group, and an empty map for an unknown group', async () => {
        const group = unique('group');
        await coord.putGroupMember(group, 'process-a', '{"n":1}', 10_000);
        await coord.putGroupMember(group, 'process-b', 'with: colons: inside', 10_000);
        expect(await coord.readGroup(group)).toEqual(
          new Map([
            ['process-a', '{"n":1}'],
            ['process-b', 'with: colons: inside'],
          ]),
        );
        expect((await coord.readGroup(unique('empty'))).size).toBe(0);
      });

      it('replaces a member value and its time to live on a second put', async () => {
        const group = unique('group');
        await coord.putGroupMember(group, 'p', 'first', 100);
        await coord.putGroupMember(group, 'p', 'second', 10_000);
        await sleep(200);
        expect(await coord.readGroup(group)).toEqual(new Map([['p', 'second']]));
      });

      it('forgets each member on its own once its time to live has passed', async () => {
        const group = unique('group');
        await coord.putGroupMember(group, 'long', 'stays', 10_000);
        await coord.putGroupMember(group, 'short', 'goes', 100);
        expect((await coord.readGroup(group)).size).toBe(2);
        await sleep(200);
        expect(await coord.readGroup(group)).toEqual(new Map([['long', 'stays']]));
      });

      it('keeps groups apart from values with the same name', async () => {
        const name = unique('shared-name');
        await coord.setValue(name, 'a value');
        await coord.putGroupMember(name, 'm', 'a member', 10_000);
        expect(await coord.getValue(name)).toBe('a value');
        expect(await coord.readGroup(name)).toEqual(new Map([['m', 'a member']]));
      });

      it('rejects a time to live that is not a positive integer', async () => {
        await expect(coord.putGroupMember(unique('group'), 'm', 'x', 0)).rejects.toThrow(RangeError);
      });
    });

    describe('claimed numbers', () => {
      it('gives each claimant one number, the same on every later claim', async () => {
        const counter = unique('counter');
        const claims = unique('claims');
        const first = await coord.claimNumber(counter, claims, 'a', { ttlMs: 60_000 });
        const second = await coord.claimNumber(counter, claims, 'b', { ttlMs: 60_000 });
        expect(first).toEqual({ number: 1, fresh: true });
        expect(second).toEqual({ number: 2, fresh: true });
        expect(await coord.claimNumber(counter, claims, 'b', { ttlMs: 60_000 })).toEqual({
          number: 2,
          fresh: false,
        });
        expect(await coord.getCounter(counter)).toBe(2);
      });

      it('hands out unique numbers with no gaps under 1,000 concurrent claims, repeats included', async () => {
        const counter = unique('counter');
        const claims = unique('claims');
        const claimants = Array.from({ length: 500 }, (_, i) => `who-${i}`);
        const results = await Promise.all(
          [...claimants, ...claimants].map((c) => coord.claimNumber(counter, claims, c, { ttlMs: 60_000 })),
        );
        const byClaimant = new Map<string, Set<number>>();
        results.forEach((r, i) => {
          const c = claimants[i % 500]!;
          byClaimant.set(c, (byClaimant.get(c) ?? new Set()).add(r.number));
        });
        expect([...byClaimant.values()].every((s) => s.size === 1)).toBe(true);
        const numbers = [...byClaimant.values()].map((s) => [...s][0]!).sort((a, b) => a - b);
        expect(numbers).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
        expect(results.filter((r) => r.fresh)).toHaveLength(500);
      });

      it('replaces a claim only when it still holds the given number', async () => {
        const counter = unique('counter');
        const claims = unique('claims');
        await coord.claimNumber(counter, claims, 'me', { ttlMs: 60_000 });
        expect(await coord.claimNumber(counter, claims, 'me', { ttlMs: 60_000, replace: 7 })).toEqual({
          number: 1,
          fresh: false,
        });
        expect(await coord.claimNumber(counter, claims, 'me', { ttlMs: 60_000, replace: 1 })).toEqual({
          number: 2,
          fresh: true,
        });
      });

      it('forgets the claims after their time to live', async () => {
        const counter = unique('counter');
        const claims = unique('claims');
        await coord.claimNumber(counter, claims, 'me', { ttlMs: 50 });
        await sleep(80);
        expect(await coord.claimNumber(counter, claims, 'me', { ttlMs: 50 })).toEqual({
          number: 2,
          fresh: true,
        });
      });

      it('claims for many claimants in one step, in order', async () => {
        const counter = unique('counter');
        const claims = unique('claims');
        const results = await coord.claimNumbersLimited(counter, claims, { ttlMs: 60_000 }, [
          'a',
          'b',
          'a', // named twice: the same number
          'c',
        ]);
        expect(results).toEqual([
          { number: 1, fresh: true },
          { number: 2, fresh: true },
          { number: 1, fresh: false },
          { number: 3, fresh: true },
        ]);
        expect(await coord.getCounter(counter)).toBe(3);
        expect(await coord.claimNumbersLimited(counter, claims, { ttlMs: 60_000 }, [])).toEqual([]);
      });

      it('charges the again bucket only to a claimant who already holds a number', async () => {
        const counter = unique('counter');
        const claims = unique('claims');
        const batch = (...who: string[]) =>
          coord.claimNumbersLimited(
            counter,
            claims,
            { ttlMs: 60_000, again: { limit: 1, windowMs: 60_000 } },
            who,
          );
        // First claims pass it untouched; the second claim of 'x' (in the same step) takes its one
        // token, the third is refused.
        const results = await batch('x', 'y', 'x', 'x');
        expect(results.slice(0, 3)).toEqual([
          { number: 1, fresh: true },
          { number: 2, fresh: true },
          { number: 1, fresh: false },
        ]);
        expect(results[3]).toMatchObject({ limited: true });
        expect((results[3] as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
        // Each claimant has its own: 'y' may claim again once, then not; 'x' still not.
        expect(await batch('y', 'y', 'x')).toMatchObject([
          { number: 2, fresh: false },
          { limited: true },
          { limited: true },
        ]);
        // Without the option nothing of the kind is charged.
        expect(await coord.claimNumbersLimited(counter, claims, { ttlMs: 60_000 }, ['x'])).toEqual([
          { number: 1, fresh: false },
        ]);
        expect(await coord.getCounter(counter)).toBe(2);
      });

      it('keeps claims apart from values of the same name', async () => {
        const counter = unique('counter');
        const claims = unique('claims');
        await coord.setValue(claims, 'a value');
        expect(await coord.claimNumber(counter, claims, 'me', { ttlMs: 60_000 })).toEqual({
          number: 1,
          fresh: true,
        });
        expect(await coord.getValue(claims)).toBe('a value');
      });
    });

    describe('group counts', () => {
      it('counts live members only', async () => {
        const group = unique('group');
        expect(await coord.countGroup(group)).toBe(0);
        await coord.putGroupMember(group, 'a', '1', 10_000);
        await coord.putGroupMember(group, 'b', '1', 10_000);
        await coord.putGroupMember(group, 'a', '2', 10_000);
        await coord.putGroupMember(group, 'short', '1', 50);
        expect(await coord.countGroup(group)).toBe(3);
        await sleep(80);
        expect(await coord.countGroup(group)).toBe(2);
      });
    });

    describe('pub/sub', () => {
      it('delivers a message to every subscriber of the channel', async () => {
        const channel = unique('channel');
        const a: string[] = [];
        const b: string[] = [];
        const offA = await coord.subscribe(channel, (m) => a.push(m));
        const offB = await coord.subscribe(channel, (m) => b.push(m));
        await coord.publish(channel, 'hello');
        await waitFor(() => a.length === 1 && b.length === 1);
        expect([a, b]).toEqual([['hello'], ['hello']]);
        await offA();
        await offB();
      });

      it('stops delivering to a subscriber once it unsubscribes, and not to the others', async () => {
        const channel = unique('channel');
        const gone: string[] = [];
        const stays: string[] = [];
        const off = await coord.subscribe(channel, (m) => gone.push(m));
        const offStays = await coord.subscribe(channel, (m) => stays.push(m));
        await off();
        await coord.publish(channel, 'after');
        await waitFor(() => stays.length === 1);
        expect(gone).toEqual([]);
        await offStays();
        await off(); // a second call is harmless
      });

      it('does not deliver messages published on other channels', async () => {
        const channel = unique('channel');
        const got: string[] = [];
        const off = await coord.subscribe(channel, (m) => got.push(m));
        await coord.publish(unique('other'), 'not for you');
        // Messages from one publisher arrive in order, so once this one is here the other would be too.
        await coord.publish(channel, 'sentinel');
        await waitFor(() => got.length > 0);
        expect(got).toEqual(['sentinel']);
        await off();
      });

      it('preserves the order of messages from one publisher', async () => {
        const channel = unique('channel');
        const got: string[] = [];
        const off = await coord.subscribe(channel, (m) => got.push(m));
        const sent = Array.from({ length: 200 }, (_, i) => `m${i}`);
        await Promise.all(sent.map((m) => coord.publish(channel, m)));
        await waitFor(() => got.length === sent.length);
        expect(got).toEqual(sent);
        await off();
      });

      it('keeps delivering to the other subscribers when one handler throws', async () => {
        const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
        try {
          const channel = unique('channel');
          const got: string[] = [];
          const offBad = await coord.subscribe(channel, () => {
            throw new Error('faulty handler');
          });
          const offGood = await coord.subscribe(channel, (m) => got.push(m));
          await coord.publish(channel, 'one');
          await coord.publish(channel, 'two');
          await waitFor(() => got.length === 2);
          expect(got).toEqual(['one', 'two']);
          await offBad();
          await offGood();
        } finally {
          errors.mockRestore();
        }
      });
    });

    describe('locks', () => {
      it('gives the lock to exactly one of many concurrent acquirers', async () => {
        const key = unique('lock');
        const locks = await Promise.all(Array.from({ length: 10 }, () => coord.acquireLock(key, 5_000)));
        const held = locks.filter((l) => l !== null);
        expect(held).toHaveLength(1);
        await held[0]!.release();
      });

      it('returns null to a second acquire while the lock is held, and frees it on release', async () => {
        const key = unique('lock');
        const first = await coord.acquireLock(key, 5_000);
        expect(first).not.toBeNull();
        expect(first!.key).toBe(key);
        expect(await coord.acquireLock(key, 5_000)).toBeNull();
        expect(await first!.release()).toBe(true);
        const second = await coord.acquireLock(key, 5_000);
        expect(second).not.toBeNull();
        expect(second!.token).not.toBe(first!.token);
        await second!.release();
      });

      it('refuses a second release of the same lock', async () => {
        const lock = await coord.acquireLock(unique('lock'), 5_000);
        expect(await lock!.release()).toBe(true);
        expect(await lock!.release()).toBe(false);
        expect(await lock!.extend(5_000)).toBe(false);
      });

      it('lets another holder take the lock after its time to live', async () => {
        const key = unique('lock');
        await coord.acquireLock(key, 100);
        await sleep(200);
        const next = await coord.acquireLock(key, 5_000);
        expect(next).not.toBeNull();
        await next!.release();
      });

      it('refuses release and extend from a holder whose lock expired and was taken', async () => {
        const key = unique('lock');
        const stale = await coord.acquireLock(key, 100);
        await sleep(200);
        const current = await coord.acquireLock(key, 5_000);
        expect(current).not.toBeNull();
        expect(await stale!.release()).toBe(false);
        expect(await stale!.extend(5_000)).toBe(false);
        // The stale holder's attempts left the new holder's lock in place.
        expect(await coord.acquireLock(key, 5_000)).toBeNull();
        expect(await current!.release()).toBe(true);
      });

      it('keeps the lock past its first time to live when extended', async () => {
        const key = unique('lock');
        const lock = await coord.acquireLock(key, 200);
        await sleep(100);
        expect(await lock!.extend(1_000)).toBe(true);
        await sleep(200);
        expect(await coord.acquireLock(key, 5_000)).toBeNull();
        expect(await lock!.release()).toBe(true);
      });
    });

    describe('rate limits', () => {
      it('allows `limit` requests from a full bucket, counting down what remains', async () => {
        const key = unique('bucket');
        const rule = { limit: 3, windowMs: 60_000 };
        const results = [];
        for (let i = 0; i < 3; i++) results.push(await coord.consumeRateLimit(key, rule));
        expect(results.map((r) => r.allowed)).toEqual([true, true, true]);
        expect(results.map((r) => r.remaining)).toEqual([2, 1, 0]);
        expect(results.every((r) => r.retryAfterMs === 0)).toBe(true);
      });

      it('denies the request after the bucket is empty, saying when to retry', async () => {
        const key = unique('bucket');
        const rule = { limit: 2, windowMs: 60_000 };
        await coord.consumeRateLimit(key, rule);
        await coord.consumeRateLimit(key, rule);
        const denied = await coord.consumeRateLimit(key, rule);
        expect(denied.allowed).toBe(false);
        expect(denied.remaining).toBe(0);
        // One token comes back every windowMs / limit = 30 s.
        expect(denied.retryAfterMs).toBeGreaterThan(29_000);
        expect(denied.retryAfterMs).toBeLessThanOrEqual(30_000);
      });

      it('allows only `limit` of many concurrent requests', async () => {
        const key = unique('bucket');
        const results = await Promise.all(
          Array.from({ length: 50 }, () => coord.consumeRateLimit(key, { limit: 10, windowMs: 60_000 })),
        );
        expect(results.filter((r) => r.allowed)).toHaveLength(10);
      });

      it('takes nothing from the bucket for a denied request', async () => {
        const key = unique('bucket');
        const rule = { limit: 5, windowMs: 60_000 };
        expect(await coord.consumeRateLimit(key, { ...rule, cost: 4 })).toMatchObject({
          allowed: true,
          remaining: 1,
        });
        expect((await coord.consumeRateLimit(key, { ...rule, cost: 3 })).allowed).toBe(false);
        expect(await coord.consumeRateLimit(key, rule)).toMatchObject({ allowed: true, remaining: 0 });
      });

      it('refills the bucket over time', async () => {
        const key = unique('bucket');
        const rule = { limit: 2, windowMs: 200 };
        await coord.consumeRateLimit(key, rule);
        await coord.consumeRateLimit(key, rule);
        const denied = await coord.consumeRateLimit(key, rule);
        expect(denied.allowed).toBe(false);
        expect(denied.retryAfterMs).toBeGreaterThan(0);
        await sleep(denied.retryAfterMs + 30);
        expect((await coord.consumeRateLimit(key, rule)).allowed).toBe(true);
      });

      it('keeps buckets of different keys apart', async () => {
        const rule = { limit: 1, windowMs: 60_000 };
        const a = unique('bucket');
        expect((await coord.consumeRateLimit(a, rule)).allowed).toBe(true);
        expect((await coord.consumeRateLimit(a, rule)).allowed).toBe(false);
        expect((await coord.consumeRateLimit(unique('bucket'), rule)).allowed).toBe(true);
      });

      it('takes `cost` tokens at once', async () => {
        const key = unique('bucket');
        const rule = { limit: 10, windowMs: 60_000, cost: 4 };
        expect(await coord.consumeRateLimit(key, rule)).toMatchObject({ allowed: true, remaining: 6 });
        expect(await coord.consumeRateLimit(key, rule)).toMatchObject({ allowed: true, remaining: 2 });
        const denied = await coord.consumeRateLimit(key, rule);
        expect(denied).toMatchObject({ allowed: false, remaining: 2 });
        // Two tokens are missing at one per 6 s.
        expect(denied.retryAfterMs).toBeGreaterThan(11_000);
        expect(denied.retryAfterMs).toBeLessThanOrEqual(12_000);
      });

      it('rejects a cost above the limit as a programming error', async () => {
        await expect(
          coord.consumeRateLimit(unique('bucket'), { limit: 2, windowMs: 1_000, cost: 3 }),
        ).rejects.toThrow(RangeError);
      });
    });

    describe('health and shutdown', () => {
      it('answers ping with ok and a latency', async () => {
        const ping = await coord.ping();
        expect(ping.ok).toBe(true);
        expect(ping.latencyMs).toBeGreaterThanOrEqual(0);
      });

      it('rejects calls after close and reports not ok on ping without throwing', async () => {
        const other = await make();
        await other.subscribe(unique('channel'), () => {});
        await other.close();
        await expect(other.incr(unique('counter'))).rejects.toThrow();
        await expect(other.subscribe(unique('channel'), () => {})).rejects.toThrow();
        expect((await other.ping()).ok).toBe(false);
      });
    });
  });
}
