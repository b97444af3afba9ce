/**
 * The coordinator port: the little shared state that many server processes need between them
 * (queue counters, live-update pub/sub, short locks, rate-limit buckets, published state).
 *
 * Nothing here must not be lost: PostgreSQL stays the source of truth. Two adapters implement
 * this port (memory.ts for one process, redis.ts for many) and both pass contract.ts, so callers
 * never need to know which one they hold.
 *
 * Keys live in separate namespaces per kind of state (key/values and counters, groups, claims, locks,
 * rate-limit buckets, channels): a lock and a counter with the same name never clobber each other.
 */

export interface Lock {
  readonly key: string;
  /** Random per acquisition: proves ownership, so a holder whose lock expired cannot free the next one's. */
  readonly token: string;
  /** True only if this token still held the lock. */
  release(): Promise<boolean>;
  /** Resets the time to live to ttlMs from now; true only if this token still held the lock. */
  extend(ttlMs: number): Promise<boolean>;
}

export interface RateLimitOptions {
  /** Bucket capacity: the burst allowed from a full bucket. */
  limit: number;
  /** The bucket refills `limit` tokens per windowMs, continuously. */
  windowMs: number;
  /** Tokens this request takes; 1 unless said otherwise. Must not exceed limit. */
  cost?: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** 0 when allowed; otherwise how long until the same request would be allowed. */
  retryAfterMs: number;
}

export interface PingResult {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export type MessageHandler = (message: string) => void;
export type Unsubscribe = () => Promise<void>;

export interface Coordinator {
  readonly kind: 'memory' | 'redis';

  /** Atomically adds `by` (an integer, default 1) and returns the new value; a missing counter is 0. */
  incr(key: string, by?: number): Promise<number>;
  /** 0 when the counter does not exist. */
  getCounter(key: string): Promise<number>;

  /** Replaces the value and its time to live (none when ttlMs is omitted). */
  setValue(key: string, value: string, ttlMs?: number): Promise<void>;
  getValue(key: string): Promise<string | null>;
  /** Deletes a value or counter; nothing happens when it does not exist. */
  deleteKey(key: string): Promise<void>;
  /** Sets only when the key does not exist (SET NX); true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;

  /**
   * Puts `member`'s value into a group of values that expire one by one: each member lives ttlMs
   * after its last put. For "one entry per live process" state, e.g. every process's latest figures.
   */
  putGroupMember(group: string, member: string, value: string, ttlMs: number): Promise<void>;
  /** The group's live members and their values; an empty map when none is left. */
  readGroup(group: string): Promise<Map<string, string>>;
  /** How many live members the group has (expired ones are dropped), without reading them. */
  countGroup(group: string): Promise<number>;

  /**
   * One number per claimant, atomically: if `claimant` holds a number in the claims map
   * `claimsKey`, returns it (fresh: false); otherwise increments `counterKey`, records the new
   * number for the claimant and returns it (fresh: true). With `replace`, a claim equal to that
   * number is given up for a new one. The claims map lives ttlMs after its last new claim.
   * Two concurrent claims by one claimant get the same number and no number is skipped.
   */
  claimNumber(
    counterKey: string,
    claimsKey: string,
    claimant: string,
    opts: { ttlMs: number; replace?: number },
  ): Promise<{ number: number; fresh: boolean }>;

  /**
   * claimNumber for many claimants in one step (one Redis round trip), in order, so one named
   * twice gets the same number twice. With `opts.again`, a claimant who already holds a number is
   * charged a bucket of its own kept with the claims (same lifetime): it limits claiming again,
   * which a first claim is not. Answers one result per claimant, in order. On Redis Cluster every
   * key must share the counter's hash tag.
   */
  claimNumbersLimited(
    counterKey: string,
    claimsKey: string,
    opts: { ttlMs: number; again?: Omit<RateLimitOptions, 'cost'> },
    claimants: string[],
  ): Promise<({ number: number; fresh: boolean } | { limited: true; retryAfterMs: number })[]>;

  /** Fire and forget to every process subscribed now; no history, no delivery guarantee. */
  publish(channel: string, message: string): Promise<void>;
  /**
   * Resolves once messages published afterwards will reach `handler`. Each call is its own
   * subscription; the returned function ends only that one.
   */
  subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe>;

  /** An exclusive lock that frees itself after ttlMs; null when someone else holds it. */
  acquireLock(key: string, ttlMs: number): Promise<Lock | null>;

  /** Token bucket; a denied request takes nothing from the bucket. */
  consumeRateLimit(key: string, opts: RateLimitOptions): Promise<RateLimitResult>;

  /** Never throws: health checks call it while the backing store is down. */
  ping(): Promise<PingResult>;
  /** Releases connections and timers; later calls reject. */
  close(): Promise<void>;
}

/** Reports errors that have no caller to reject: a throwing subscriber, a lost connection. */
export type CoordinatorErrorReporter = (error: Error, context: string) => void;
