import { NotFound } from '../../../lib/errors.ts';
import { SIGNATURE_HEADER, signWebhook } from '../webhook-format.ts';
import type { OutboxRow, TestpayRepository } from './repository.ts';

/** Sends one webhook request; resolves with the receiver's HTTP status, rejects on network errors. */
export type DeliverFn = (rawBody: string, headers: Record<string, string>) => Promise<{ status: number }>;

export type Log = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
};

export type RetryPolicy = { baseMs: number; maxMs: number; maxAttempts: number };
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, maxAttempts: 10 };

/**
 * Wait before the next attempt after `attempts` failed ones: 1 s, 2 s, 4 s… capped. No jitter:
 * one simulated gateway has no thundering herd to spread, and fixed delays keep tests exact.
 */
export function backoffMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.baseMs * 2 ** Math.max(0, attempts - 1), policy.maxMs);
}

export type DeliveryResult = {
  eventId: string;
  type: string;
  attempt: number;
  delivered: boolean;
  /** No attempts left: the event stays in the outbox, undelivered, for inspection. */
  gaveUp: boolean;
  status?: number;
  error?: string;
  duplicated?: boolean;
};

export type DeliveryOptions = {
  repo: TestpayRepository;
  webhookSecret: string;
  deliver: DeliverFn;
  now: () => Date;
  log: Log;
  retry: RetryPolicy;
  /** Share of delivered events sent a second time at once (0..1), to exercise deduplication. */
  duplicateRate: number;
  random: () => number;
  /** A receiver that hangs longer than this counts as a failed attempt. */
  timeoutMs: number;
};

const BATCH = 20;
/**
 * Delivery loops that may run at once. A payment confirmed while a batch is being delivered starts
 * its own loop instead of waiting for that batch's slowest receiver (claims are leased with SKIP
 * LOCKED, so loops never take the same event).
 */
const MAX_LOOPS = 4;

/** The outbox worker: at-least-once delivery, each attempt signed afresh with the same event id. */
export function createDeliveryWorker(o: DeliveryOptions) {
  let held = false;
  let running = false;
  let intervalMs = 1_000;
  let timer: NodeJS.Timeout | undefined;
  const loops = new Set<Promise<unknown>>();
  let nudged = false;

  async function send(row: OutboxRow): Promise<number> {
    const body = JSON.stringify(row.payload);
    const headers = {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook(o.webhookSecret, body, Math.floor(o.now().getTime() / 1000)),
    };
    let timeout: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timeout = setTimeout(() => reject(new Error(`no answer within ${o.timeoutMs} ms`)), o.timeoutMs);
    });
    try {
      const { status } = await Promise.race([o.deliver(body, headers), expired]);
      return status;
    } finally {
      clearTimeout(timeout);
    }
  }

  async function attempt(row: OutboxRow): Promise<DeliveryResult> {
    const base = { eventId: row.id, type: row.type, attempt: row.attempts };
    let status: number | undefined;
    let error: string;
    try {
      status = await send(row);
      error = `HTTP ${status}`;
    } catch (err) {
      error = (err as Error).message || String(err);
    }
    if (status !== undefined && status >= 200 && status < 300) {
      await o.repo.markDelivered(row.id, o.now());
      const duplicated = o.duplicateRate > 0 && o.random() < o.duplicateRate;
      if (duplicated) await send(row).catch(() => undefined);
      return { ...base, delivered: true, gaveUp: false, status, ...(duplicated ? { duplicated } : {}) };
    }
    const gaveUp = row.attempts >= o.retry.maxAttempts;
    const next = gaveUp ? null : new Date(o.now().getTime() + backoffMs(row.attempts, o.retry));
    await o.repo.markFailed(row.id, next, error);
    if (gaveUp) o.log.warn({ eventId: row.id, attempts: row.attempts, error }, 'testpay webhook given up');
    else o.log.info({ eventId: row.id, attempt: row.attempts, error }, 'testpay webhook attempt failed');
    return { ...base, delivered: false, gaveUp, ...(status !== undefined ? { status } : {}), error };
  }

  async function claim(limit: number) {
    const now = o.now();
    // The lease covers sending the whole batch one by one, each up to the timeout.
    const leaseUntil = new Date(now.getTime() + limit * o.timeoutMs + 60_000);
    return o.repo.claimDue(now, leaseUntil, limit);
  }

  /**
   * In order, one at a time, when a test controls the order; otherwise concurrently, as a real
   * PSP does: one slow receiver must not hold up every other payment's confirmation.
   */
  async function deliverRows(rows: OutboxRow[], inOrder = false) {
    if (!inOrder) return Promise.all(rows.map((row) => attempt(row)));
    const results: DeliveryResult[] = [];
    for (const row of rows) results.push(await attempt(row));
    return results;
  }

  /** Sends every due event once (a retry that fails is due again only after its backoff). */
  async function deliverDue(): Promise<DeliveryResult[]> {
    const results: DeliveryResult[] = [];
    while (!held) {
      const rows = await claim(BATCH);
      results.push(...(await deliverRows(rows)));
      if (rows.length < BATCH) break;
    }
    return results;
  }

  function tick() {
    timer = undefined;
    if (!running) return;
    nudged = false;
    const loop: Promise<unknown> = deliverDue()
      .catch((err) => o.log.warn({ err }, 'testpay webhook delivery failed'))
      .finally(() => {
        loops.delete(loop);
        if (!running) return;
        if (nudged) tick();
        else if (loops.size === 0) schedule(intervalMs);
      });
    loops.add(loop);
  }

  function schedule(ms: number) {
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    // Delivery never keeps the process alive on its own.
    timer.unref();
  }

  return {
    /**
     * Sends every due event once, and first waits for the events this process's own loops have
     * already taken: a confirmation starts a loop at once, and its event is leased to that loop,
     * so without the wait a caller could return before that webhook landed.
     */
    async deliverDue(): Promise<DeliveryResult[]> {
      await Promise.all(loops);
      return deliverDue();
    },

    start(opts: { intervalMs: number }) {
      intervalMs = opts.intervalMs;
      if (running) return;
      running = true;
      schedule(0);
    },

    async stop() {
      running = false;
      clearTimeout(timer);
      timer = undefined;
      await Promise.all(loops);
    },

    /** A state change committed: deliver now rather than at the next interval or batch. */
    nudge() {
      if (!running) return;
      if (loops.size >= MAX_LOOPS) nudged = true;
      else schedule(0);
    },

    /** Pauses delivery (the worker and deliverDue) so events pile up; the outbox keeps them. */
    hold(on: boolean) {
      held = on;
    },

    /** Delivers every due event now, even while held, in creation order or its reverse. */
    async deliverInOrder(order: 'created' | 'reverse'): Promise<DeliveryResult[]> {
      const rows = await claim(1_000);
      if (order === 'reverse') rows.reverse();
      return deliverRows(rows, true);
    },

    /** Sends an event again as it was (same id and body, fresh signature); its outbox state is kept. */
    async redeliver(eventId: string): Promise<{ status: number }> {
      const row = await o.repo.findEvent(eventId);
      if (!row) throw new NotFound('Webhook event');
      return { status: await send(row) };
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
