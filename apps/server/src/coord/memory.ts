import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { checkIncrement, checkRateLimit, checkTtl, parseCounter } from './arguments.ts';
import type {
  Coordinator,
  CoordinatorErrorReporter,
  Lock,
  MessageHandler,
  RateLimitOptions,
} from './port.ts';
import { type BucketState, takeTokens } from './token-bucket.ts';

/**
 * The in-process coordinator: right for one process (`npm start`, tests), wrong for several, since
 * each process would count and lock alone. It mimics Redis where callers could notice: values
 * expire, counters are integers in strings, and pub/sub delivery is asynchronous.
 */

interface Expiring<T> {
  value: T;
  /** performance.now() time; Infinity for no expiry. A monotonic clock: wall-clock jumps do not expire keys. */
  expiresAt: number;
}

interface Subscription {
  handler: MessageHandler;
  active: boolean;
}

// Expired entries are already invisible (checked on read); the sweep only bounds memory.
const SWEEP_INTERVAL_MS = 30_000;

const defaultReporter: CoordinatorErrorReporter = (error, context) => {
  console.error(`[coordinator:memory] ${context}:`, error);
};

export function createMemoryCoordinator(options: { onError?: CoordinatorErrorReporter } = {}): Coordinator {
  const report = options.onError ?? defaultReporter;
  const values = new Map<string, Expiring<string>>();
  const locks = new Map<string, Expiring<string>>();
  const buckets = new Map<string, Expiring<BucketState>>();
  const claims = new Map<string, Expiring<Map<string, number>>>();
  // Buckets of claimants who claim again, per claims key (claimNumbersLimited's `again`).
  const againBuckets = new Map<string, Expiring<Map<string, BucketState>>>();
  const groups = new Map<string, Map<string, Expiring<string>>>();
  const channels = new Map<string, Set<Subscription>>();
  let closed = false;

  const now = () => performance.now();
  const expiry = (ttlMs: number | undefined) => (ttlMs === undefined ? Infinity : now() + checkTtl(ttlMs));

  function live<T>(map: Map<string, Expiring<T>>, key: string): Expiring<T> | undefined {
    const entry = map.get(key);
    if (entry && entry.expiresAt <= now()) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  const sweep = setInterval(() => {
    for (const map of [values, locks, buckets, claims, againBuckets, ...groups.values()] as Map<
      string,
      Expiring<unknown>
    >[]) {
      for (const key of map.keys()) live(map, key);
    }
    for (const [name, members] of groups) if (members.size === 0) groups.delete(name);
  }, SWEEP_INTERVAL_MS);
  sweep.unref();

  function open() {
    if (closed) throw new Error('coordinator is closed');
  }

  function claim(
    counterKey: string,
    claimsKey: string,
    claimant: string,
    opts: { ttlMs: number; replace?: number },
  ) {
    const ttl = checkTtl(opts.ttlMs);
    let map = live(claims, claimsKey);
    const held = map?.value.get(claimant);
    if (held !== undefined && held !== opts.replace) return { number: held, fresh: false };
    const counter = live(values, counterKey);
    const number = parseCounter(counter?.value ?? null, counterKey) + 1;
    values.set(counterKey, { value: String(number), expiresAt: counter?.expiresAt ?? Infinity });
    if (!map) {
      map = { value: new Map(), expiresAt: 0 };
      claims.set(claimsKey, map);
    }
    map.value.set(claimant, number);
    map.expiresAt = now() + ttl;
    return { number, fresh: true };
  }

  function makeLock(key: string, token: string): Lock {
    const owned = () => live(locks, key)?.value === token;
    return {
      key,
      token,
      release: async () => {
        open();
        if (!owned()) return false;
        locks.delete(key);
        return true;
      },
      extend: async (ttlMs) => {
        open();
        const expiresAt = expiry(ttlMs);
        if (!owned()) return false;
        locks.set(key, { value: token, expiresAt });
        return true;
      },
    };
  }

  return {
    kind: 'memory',

    async incr(key, by = 1) {
      open();
      checkIncrement(by);
      const entry = live(values, key);
      const next = parseCounter(entry?.value ?? null, key) + by;
      // Like Redis INCRBY, the key keeps whatever time to live it had.
      values.set(key, { value: String(next), expiresAt: entry?.expiresAt ?? Infinity });
      return next;
    },

    async getCounter(key) {
      open();
      return parseCounter(live(values, key)?.value ?? null, key);
    },

    async setValue(key, value, ttlMs) {
      open();
      values.set(key, { value, expiresAt: expiry(ttlMs) });
    },

    async getValue(key) {
      open();
      return live(values, key)?.value ?? null;
    },

    async deleteKey(key) {
      open();
      values.delete(key);
    },

    async setIfAbsent(key, value, ttlMs) {
      open();
      const expiresAt = expiry(ttlMs);
      if (live(values, key)) return false;
      values.set(key, { value, expiresAt });
      return true;
    },

    async putGroupMember(group, member, value, ttlMs) {
      open();
      const expiresAt = expiry(checkTtl(ttlMs));
      let members = groups.get(group);
      if (!members) {
        members = new Map();
        groups.set(group, members);
      }
      members.set(member, { value, expiresAt });
    },

    async readGroup(group) {
      open();
      const members = groups.get(group);
      const result = new Map<string, string>();
      if (!members) return result;
      for (const member of [...members.keys()]) {
        const entry = live(members, member);
        if (entry) result.set(member, entry.value);
      }
      return result;
    },

    async countGroup(group) {
      open();
      const members = groups.get(group);
      if (!members) return 0;
      let n = 0;
      for (const member of [...members.keys()]) if (live(members, member)) n++;
      return n;
    },

    async claimNumber(counterKey, claimsKey, claimant, opts) {
      open();
      return claim(counterKey, claimsKey, claimant, opts);
    },

    async claimNumbersLimited(counterKey, claimsKey, opts, claimants) {
      open();
      const at = now();
      const ttlMs = checkTtl(opts.ttlMs);
      const againRule = opts.again ? checkRateLimit({ ...opts.again, cost: 1 }) : null;
      return claimants.map((claimant) => {
        const held = live(claims, claimsKey)?.value.has(claimant) ?? false;
        if (held && againRule) {
          let table = live(againBuckets, claimsKey);
          if (!table) {
            table = { value: new Map(), expiresAt: 0 };
            againBuckets.set(claimsKey, table);
          }
          const decision = takeTokens(table.value.get(claimant), at, againRule);
          table.value.set(claimant, decision.state);
          table.expiresAt = at + ttlMs;
          if (!decision.allowed) return { limited: true as const, retryAfterMs: decision.retryAfterMs };
        }
        return claim(counterKey, claimsKey, claimant, opts);
      });
    },

    async publish(channel, message) {
      open();
      // Snapshot now: like Redis, a subscription made after the publish does not get the message.
      for (const sub of channels.get(channel) ?? []) {
        queueMicrotask(() => {
          if (!sub.active) return;
          try {
            sub.handler(message);
          } catch (err) {
            report(err as Error, `subscriber of "${channel}" threw`);
          }
        });
      }
    },

    async subscribe(channel, handler) {
      open();
      const sub: Subscription = { handler, active: true };
      let subs = channels.get(channel);
      if (!subs) {
        subs = new Set();
        channels.set(channel, subs);
      }
      subs.add(sub);
      return async () => {
        sub.active = false;
        const current = channels.get(channel);
        current?.delete(sub);
        if (current?.size === 0) channels.delete(channel);
      };
    },

    async acquireLock(key, ttlMs) {
      open();
      const expiresAt = now() + checkTtl(ttlMs);
      if (live(locks, key)) return null;
      const token = randomUUID();
      locks.set(key, { value: token, expiresAt });
      return makeLock(key, token);
    },

    async consumeRateLimit(key, opts: RateLimitOptions) {
      open();
      const rule = checkRateLimit(opts);
      const at = now();
      const decision = takeTokens(live(buckets, key)?.value, at, rule);
      buckets.set(key, { value: decision.state, expiresAt: at + decision.ttlMs });
      return {
        allowed: decision.allowed,
        remaining: decision.remaining,
        retryAfterMs: decision.retryAfterMs,
      };
    },

    async ping() {
      return closed
        ? { ok: false, latencyMs: 0, error: 'coordinator is closed' }
        : { ok: true, latencyMs: 0 };
    },

    async close() {
      closed = true;
      clearInterval(sweep);
      for (const subs of channels.values()) for (const sub of subs) sub.active = false;
      channels.clear();
      values.clear();
      locks.clear();
      buckets.clear();
      againBuckets.clear();
      groups.clear();
    },
  };
}
