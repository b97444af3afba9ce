import type { Redis } from 'ioredis';
import type { CoordinatorErrorReporter, MessageHandler, Unsubscribe } from './port.ts';

/**
 * Fans one Redis subscriber connection out to any number of local handlers. A connection in
 * subscribe mode can run nothing else, and one connection per handler would cost Redis a client
 * per SSE viewer; so each coordinator opens one (lazily, on the first subscribe) and multiplexes
 * channels over it, subscribing in Redis only on a channel's first local handler and
 * unsubscribing after its last. ioredis re-subscribes by itself after a reconnect.
 */

interface Subscription {
  handler: MessageHandler;
  active: boolean;
}

interface ChannelEntry {
  subs: Set<Subscription>;
  /** The SUBSCRIBE in flight or done; later local subscribers of the channel wait on the same one. */
  ready: Promise<unknown>;
}

export interface SubscriberHub {
  subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe>;
  /** The subscriber connection if one was opened, for close(). */
  readonly connection: Redis | null;
}

export function createSubscriberHub(open: () => Redis, report: CoordinatorErrorReporter): SubscriberHub {
  let connection: Redis | null = null;
  const channels = new Map<string, ChannelEntry>();

  function dispatch(channel: string, message: string) {
    const entry = channels.get(channel);
    if (!entry) return;
    for (const sub of [...entry.subs]) {
      if (!sub.active) continue;
      try {
        sub.handler(message);
      } catch (err) {
        // One faulty handler must not starve the others on the channel.
        report(err as Error, `subscriber of "${channel}" threw`);
      }
    }
  }

  function conn(): Redis {
    if (!connection) {
      connection = open();
      connection.on('message', dispatch);
    }
    return connection;
  }

  function forget(channel: string, entry: ChannelEntry, sub: Subscription): boolean {
    sub.active = false;
    entry.subs.delete(sub);
    if (entry.subs.size > 0 || channels.get(channel) !== entry) return false;
    channels.delete(channel);
    return true;
  }

  return {
    get connection() {
      return connection;
    },

    async subscribe(channel, handler) {
      let entry = channels.get(channel);
      if (!entry) {
        entry = { subs: new Set(), ready: conn().subscribe(channel) };
        channels.set(channel, entry);
      }
      const sub: Subscription = { handler, active: true };
      entry.subs.add(sub);
      const joined = entry;
      try {
        await joined.ready;
      } catch (err) {
        forget(channel, joined, sub);
        throw err;
      }
      return async () => {
        if (!sub.active) return;
        // Commands on one connection run in order, so an UNSUBSCRIBE sent here cannot overtake a
        // SUBSCRIBE sent later by a new first handler of the same channel.
        if (!forget(channel, joined, sub) || !connection || connection.status === 'end') return;
        try {
          await connection.unsubscribe(channel);
        } catch (err) {
          // Local delivery has already stopped, which is all the caller asked for.
          report(err as Error, `unsubscribe from "${channel}" failed`);
        }
      };
    },
  };
}
