import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { requireService, TEST_REDIS_URL } from '../../test/services.ts';
import { runCoordinatorContract } from './contract.ts';
import { createCoordinator } from './index.ts';
import { createMemoryCoordinator } from './memory.ts';
import type { Coordinator } from './port.ts';
import { createRedisCoordinator } from './redis.ts';

const redisUp = await requireService('redis');
// One prefix per run: the test Redis is shared, and afterAll removes exactly what this run wrote.
const keyPrefix = `tk-test-${process.pid}-${Date.now()}:`;
// Port 1 refuses connections at once: "Redis is down" without waiting for a network timeout.
const DOWN_REDIS_URL = 'redis://127.0.0.1:1';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

runCoordinatorContract('memory', async () => createMemoryCoordinator());

describe.runIf(redisUp)('on Redis', () => {
  runCoordinatorContract('redis', async () => createRedisCoordinator({ url: TEST_REDIS_URL, keyPrefix }));

  afterAll(async () => {
    const admin = new Redis(TEST_REDIS_URL);
    try {
      let cursor = '0';
      do {
        const [next, keys] = await admin.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1_000);
        if (keys.length > 0) await admin.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    } finally {
      await admin.quit();
    }
  });

  describe('two coordinators on one Redis, as two server processes', () => {
    let a: Coordinator;
    let b: Coordinator;
    const unique = (what: string) => `two:${randomUUID()}:${what}`;

    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
    });

    it('share counters: increments from both add up without duplicates', async () => {
      a = createRedisCoordinator({ url: TEST_REDIS_URL, keyPrefix });
      b = createRedisCoordinator({ url: TEST_REDIS_URL, keyPrefix });
      const key = unique('counter');
      const results = await Promise.all(
        Array.from({ length: 500 }, (_, i) => (i % 2 === 0 ? a : b).incr(key)),
      );
      expect(new Set(results).size).toBe(500);
      expect(await a.getCounter(key)).toBe(500);
      expect(await b.getCounter(key)).toBe(500);
    });

    it('deliver a message published by one to subscribers of both', async () => {
      const channel = unique('channel');
      const onA: string[] = [];
      const onB: string[] = [];
      const offA = await a.subscribe(channel, (m) => onA.push(m));
      const offB = await b.subscribe(channel, (m) => onB.push(m));
      await b.publish(channel, 'seat 12 sold');
      await vi.waitFor(() => expect([onA, onB]).toEqual([['seat 12 sold'], ['seat 12 sold']]));
      await offA();
      await offB();
    });

    it('share locks: one holds it, the other cannot take or release it', async () => {
      const key = unique('leader');
      const lock = await a.acquireLock(key, 5_000);
      expect(lock).not.toBeNull();
      expect(await b.acquireLock(key, 5_000)).toBeNull();
      expect(await lock!.release()).toBe(true);
      const taken = await b.acquireLock(key, 5_000);
      expect(taken).not.toBeNull();
      expect(await a.acquireLock(key, 5_000)).toBeNull();
      await taken!.release();
    });

    it('share values and rate-limit buckets', async () => {
      const key = unique('state');
      await a.setValue(key, '{"serving":7}');
      expect(await b.getValue(key)).toBe('{"serving":7}');
      expect(await b.setIfAbsent(key, 'again')).toBe(false);
      const rule = { limit: 2, windowMs: 60_000 };
      expect((await a.consumeRateLimit(key, rule)).allowed).toBe(true);
      expect((await b.consumeRateLimit(key, rule)).allowed).toBe(true);
      expect((await a.consumeRateLimit(key, rule)).allowed).toBe(false);
    });
  });

  it('keeps every key under the key prefix, with a namespace per kind', async () => {
    const coord = createRedisCoordinator({ url: TEST_REDIS_URL, keyPrefix });
    const admin = new Redis(TEST_REDIS_URL);
    try {
      const id = randomUUID();
      await coord.incr(`queue:{${id}}:next`);
      const lock = await coord.acquireLock(`leader:{${id}}`, 5_000);
      await coord.consumeRateLimit(`join:{${id}}`, { limit: 5, windowMs: 60_000 });
      expect(await admin.get(`${keyPrefix}kv:queue:{${id}}:next`)).toBe('1');
      expect(await admin.get(`${keyPrefix}lock:leader:{${id}}`)).toBe(lock!.token);
      expect(await admin.pttl(`${keyPrefix}bucket:join:{${id}}`)).toBeGreaterThan(0);
    } finally {
      await admin.quit();
      await coord.close();
    }
  });
});

describe('Redis adapter while Redis is down', () => {
  it('answers ping with ok: false within 1.5 s instead of hanging', async () => {
    const coord = createRedisCoordinator({ url: DOWN_REDIS_URL, keyPrefix, onError: () => {} });
    try {
      await sleep(100); // let the first connection attempt fail
      const started = Date.now();
      const ping = await coord.ping();
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(ping.ok).toBe(false);
      expect(ping.error).toBeTruthy();
    } finally {
      await coord.close();
    }
  });

  it('fails a command quickly rather than queueing it forever', async () => {
    const coord = createRedisCoordinator({ url: DOWN_REDIS_URL, keyPrefix, onError: () => {} });
    try {
      const started = Date.now();
      await expect(coord.incr('anything')).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await coord.close();
    }
  });
});

describe('createCoordinator', () => {
  it('uses the in-process coordinator when no Redis URL is set', async () => {
    const coord = await createCoordinator({});
    expect(coord.kind).toBe('memory');
    await coord.close();
  });

  it.runIf(redisUp)('uses Redis when a URL is set', async () => {
    const coord = await createCoordinator({ redisUrl: TEST_REDIS_URL, keyPrefix });
    expect(coord.kind).toBe('redis');
    expect((await coord.ping()).ok).toBe(true);
    await coord.close();
  });

  it('fails start-up when Redis does not answer in time, without leaking the password', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const attempt = createCoordinator({
        redisUrl: 'redis://:s3cret@127.0.0.1:1',
        keyPrefix,
        connectTimeoutMs: 500,
      });
      await expect(attempt).rejects.toThrow(/did not answer/);
      await expect(attempt).rejects.not.toThrow(/s3cret/);
    } finally {
      errors.mockRestore();
    }
  });
});
