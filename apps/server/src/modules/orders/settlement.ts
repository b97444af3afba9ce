import type { Coordinator, Unsubscribe } from '../../coord/port.ts';

/**
 * "This order may have left pending": a hint for buyers long-polling their order
 * (GET /api/orders/:id?waitFor=settled). The webhook that settles an order may be handled by any
 * server process and the buyer's request may wait in any other, so the hint goes through the
 * coordinator, on one channel that every process subscribes to once. A hint only wakes a waiter;
 * the waiter then reads the order from the database, which is the truth. A hint that is lost
 * (pub/sub has no delivery guarantee) costs at most RECHECK_MS: waiters re-read the order that
 * often anyway.
 */
export const ORDER_SETTLED_CHANNEL = 'orders:settled';

/** How long a waiter trusts silence before reading the order again. */
export const RECHECK_MS = 5_000;

/** Open waits per process; past this a request answers at once with the current state. */
const MAX_WAITERS = 10_000;

export type OrderWaiter = {
  /**
   * Resolves true when a hint arrived since the last call (at once if one already had), false
   * after `ms` or when `signal` aborts.
   */
  next(ms: number, signal?: AbortSignal): Promise<boolean>;
  close(): void;
};

export function orderSettlement(deps: { coord: Coordinator; onError: (err: unknown) => void }) {
  type Hint = { hinted: boolean; wake: (() => void) | null };
  const waiters = new Map<string, Set<Hint>>();
  let count = 0;
  let unsubscribe: Unsubscribe | null = null;
  let stopped = false;

  function hint(orderId: string) {
    for (const w of waiters.get(orderId) ?? []) {
      w.hinted = true;
      w.wake?.();
    }
  }

  return {
    /** Subscribes this process (once, at start-up). */
    async start() {
      unsubscribe ??= await deps.coord.subscribe(ORDER_SETTLED_CHANNEL, hint);
    },

    /** Unsubscribes and wakes every waiter, so open long-polls answer now instead of at their timeout. */
    async stop() {
      stopped = true;
      const u = unsubscribe;
      unsubscribe = null;
      for (const orderId of waiters.keys()) hint(orderId);
      await u?.();
    },

    /**
     * After the transaction that took an order out of pending committed. Waiters in this process
     * are woken directly (they need no coordinator round trip, and still wake if it is down);
     * the rest hear it through the coordinator.
     */
    announce(orderId: string) {
      hint(orderId);
      deps.coord.publish(ORDER_SETTLED_CHANNEL, orderId).catch(deps.onError);
    },

    /**
     * Starts listening for hints about an order: call it before reading the order, so that a
     * hint sent between the read and the wait is not lost. Null when this process already holds
     * MAX_WAITERS open waits or is shutting down (the caller answers at once).
     */
    listen(orderId: string): OrderWaiter | null {
      if (count >= MAX_WAITERS || stopped) return null;
      const me: Hint = { hinted: false, wake: null };
      const set = waiters.get(orderId) ?? new Set<Hint>();
      waiters.set(orderId, set);
      set.add(me);
      count++;
      let closed = false;
      return {
        next(ms, signal) {
          if (me.hinted || closed || stopped) {
            const had = me.hinted;
            me.hinted = false;
            return Promise.resolve(had);
          }
          return new Promise<boolean>((resolve) => {
            const done = () => {
              clearTimeout(timer);
              signal?.removeEventListener('abort', done);
              me.wake = null;
              const had = me.hinted;
              me.hinted = false;
              resolve(had);
            };
            const timer = setTimeout(done, Math.max(0, ms));
            me.wake = done;
            if (signal?.aborted) done();
            else signal?.addEventListener('abort', done, { once: true });
          });
        },
        close() {
          if (closed) return;
          closed = true;
          me.wake?.();
          set.delete(me);
          if (!set.size) waiters.delete(orderId);
          count--;
        },
      };
    },

    /** False once the process is shutting down: no new waits, open ones answer now. */
    isOpen: () => !stopped,

    /** Open waits in this process (tests, monitoring). */
    waiting: () => count,
  };
}

export type OrderSettlement = ReturnType<typeof orderSettlement>;
