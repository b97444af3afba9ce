import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { checkIncrement, checkRateLimit, checkTtl, parseCounter } from './arguments.ts';
import type { Coordinator, CoordinatorErrorReporter, Lock, PingResult } from './port.ts';
import { createSubscriberHub } from './redis-pubsub.ts';
import { withScripts } from './redis-scripts.ts';

/**
 * The Redis coordinator: the same port shared by every server process through one Redis.
 *
 * Layout: every key and channel starts with keyPrefix (default `tk:`), so several deployments or
 * test runs can share a Redis; then a namespace per kind (`kv:` values and counters, `grp:` groups, `claims:`,
 * `lock:`, `bucket:` rate limits), then the caller's key.
 *
 * Redis Cluster: keys a caller uses together for one sale session should carry the session id as
 * a hash tag, e.g. `queue:{sessionId}:next` and `queue:{sessionId}:serving`, so they land in one
 * slot. Cluster hashes only the first `{...}` of the full key, so keyPrefix must contain no braces.
 * Every script here touches one key, so none needs more than that. (This adapter opens a single
 * node; a Cluster client would be another factory behind the same port.)
 */

export interface RedisCoordinatorOptions {
  url: string;
  keyPrefix?: string;
  onError?: CoordinatorErrorReporter;
}

// Health checks must answer while Redis is down, well before a load balancer gives up on us.
const PING_TIMEOUT_MS = 1_000;
const QUIT_TIMEOUT_MS = 1_000;

const defaultReporter: CoordinatorErrorReporter = (error, context) => {
  console.error(`[coordinator:redis] ${context}: ${error.message}`);
};

/** Rejects after ms, leaving the original promise handled so a late failure is not "unhandled". */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  promise.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Reports a connection's errors once per outage, not on every reconnection attempt. */
function watchConnection(conn: Redis, name: string, report: CoordinatorErrorReporter) {
  let down = false;
  conn.on('error', (err: Error) => {
    if (down) return;
    down = true;
    report(err, `${name} connection failed (retrying)`);
  });
  conn.on('ready', () => {
    down = false;
  });
}

async function closeConnection(conn: Redis) {
  if (conn.status === 'end') return;
  // QUIT lets queued replies arrive first; while reconnecting there is nothing to wait for.
  if (conn.status !== 'ready') {
    conn.disconnect();
    return;
  }
  try {
    await withTimeout(conn.quit(), QUIT_TIMEOUT_MS, 'QUIT');
  } catch {
    conn.disconnect();
  }
}

export function createRedisCoordinator(options: RedisCoordinatorOptions): Coordinator {
  const prefix = options.keyPrefix ?? 'tk:';
  const report = options.onError ?? defaultReporter;
  const kv = (key: string) => `${prefix}kv:${key}`;
  const groupKey = (key: string) => `${prefix}grp:${key}`;
  const lockKey = (key: string) => `${prefix}lock:${key}`;
  // Buckets are strings since the layout changed from a hash: a new name, so a process of the
  // new version never meets an old bucket (WRONGTYPE) while versions overlap; old ones expire.
  const rateKey = (key: string) => `${prefix}bucket:${key}`;
  const claimKey = (key: string) => `${prefix}claims:${key}`;
  // Buckets of claimants who claim again, one hash per claims key (the same hash tag).
  const againKey = (key: string) => `${prefix}claims-again:${key}`;
  const channelName = (channel: string) => `${prefix}${channel}`;

  const client = withScripts(
    new Redis(options.url, {
      // Off: each command goes out as it is issued, so Redis works on the first joins of a burst
      // while this process still reads the rest. Auto-pipelining held them all for one batch per
      // tick, and the process then sat idle while Redis ran the batch (a convoy): joins 13.5–14.5k/s
      // with it, 17.2–17.5k/s without, and less CPU per join (bench/queue.ts, docs/BENCHMARKS.md).
      enableAutoPipelining: false,
      // While Redis is unreachable a request should fail within a reconnect attempt, not hang
      // through twenty of them; callers decide whether to retry.
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      lazyConnect: false,
    }),
  );
  watchConnection(client, 'command', report);

  // After close() the hub would otherwise open a fresh subscriber connection on demand.
  let closed = false;
  const hub = createSubscriberHub(() => {
    const conn = client.duplicate({ enableAutoPipelining: false });
    watchConnection(conn, 'subscriber', report);
    return conn;
  }, report);

  function makeLock(key: string, token: string): Lock {
    return {
      key,
      token,
      release: async () => (await client.tkReleaseLock(lockKey(key), token)) === 1,
      extend: async (ttlMs) => (await client.tkExtendLock(lockKey(key), token, checkTtl(ttlMs))) === 1,
    };
  }

  return {
    kind: 'redis',

    async incr(key, by = 1) {
      return client.incrby(kv(key), checkIncrement(by));
    },

    async getCounter(key) {
      return parseCounter(await client.get(kv(key)), key);
    },

    async setValue(key, value, ttlMs) {
      if (ttlMs === undefined) await client.set(kv(key), value);
      else await client.set(kv(key), value, 'PX', checkTtl(ttlMs));
    },

    async getValue(key) {
      return client.get(kv(key));
    },

    async deleteKey(key) {
      await client.del(kv(key));
    },

    async setIfAbsent(key, value, ttlMs) {
      const reply =
        ttlMs === undefined
          ? await client.set(kv(key), value, 'NX')
          : await client.set(kv(key), value, 'PX', checkTtl(ttlMs), 'NX');
      return reply === 'OK';
    },

    async putGroupMember(group, member, value, ttlMs) {
      await client.tkPutGroupMember(groupKey(group), member, value, checkTtl(ttlMs));
    },

    async readGroup(group) {
      const flat = await client.tkReadGroup(groupKey(group));
      const result = new Map<string, string>();
      for (let i = 0; i < flat.length; i += 2) result.set(flat[i]!, flat[i + 1]!);
      return result;
    },

    async countGroup(group) {
      return client.tkCountGroup(groupKey(group));
    },

    async claimNumber(counterKey, claimsKey, claimant, opts) {
      const [number, fresh] = await client.tkClaimNumber(
        kv(counterKey),
        claimKey(claimsKey),
        claimant,
        checkTtl(opts.ttlMs),
        opts.replace === undefined ? '' : String(opts.replace),
      );
      return { number, fresh: fresh === 1 };
    },

    async claimNumbersLimited(counterKey, claimsKey, opts, claimants) {
      const again = opts.again ? checkRateLimit(opts.again) : { limit: 0, windowMs: 1 };
      const flat = await client.tkClaimNumbersLimited(
        kv(counterKey),
        claimKey(claimsKey),
        againKey(claimsKey),
        checkTtl(opts.ttlMs),
        again.limit,
        again.windowMs,
        ...claimants,
      );
      return claimants.map((_, i) =>
        flat[2 * i] === -1
          ? { limited: true as const, retryAfterMs: flat[2 * i + 1]! }
          : { number: flat[2 * i]!, fresh: flat[2 * i + 1] === 1 },
      );
    },

    async publish(channel, message) {
      await client.publish(channelName(channel), message);
    },

    async subscribe(channel, handler) {
      if (closed) throw new Error('coordinator is closed');
      return hub.subscribe(channelName(channel), handler);
    },

    async acquireLock(key, ttlMs) {
      const token = randomUUID();
      const reply = await client.set(lockKey(key), token, 'PX', checkTtl(ttlMs), 'NX');
      return reply === 'OK' ? makeLock(key, token) : null;
    },

    async consumeRateLimit(key, opts) {
      const rule = checkRateLimit(opts);
      const [allowed, remaining, retryAfterMs] = await client.tkTakeTokens(
        rateKey(key),
        rule.limit,
        rule.windowMs,
        rule.cost,
      );
      return { allowed: allowed === 1, remaining, retryAfterMs };
    },

    async ping(): Promise<PingResult> {
      const started = performance.now();
      const latencyMs = () => Math.round((performance.now() - started) * 100) / 100;
      try {
        await withTimeout(client.ping(), PING_TIMEOUT_MS, 'PING');
        return { ok: true, latencyMs: latencyMs() };
      } catch (err) {
        return { ok: false, latencyMs: latencyMs(), error: (err as Error).message };
      }
    },

    async close() {
      closed = true;
      const subscriber = hub.connection;
      await Promise.all([closeConnection(client), subscriber ? closeConnection(subscriber) : undefined]);
    },
  };
}
