import { createMemoryCoordinator } from './memory.ts';
import type { Coordinator } from './port.ts';
import { createRedisCoordinator } from './redis.ts';

export type {
  Coordinator,
  CoordinatorErrorReporter,
  Lock,
  MessageHandler,
  PingResult,
  RateLimitOptions,
  RateLimitResult,
  Unsubscribe,
} from './port.ts';

export interface CoordinatorOptions {
  /** Set: Redis, shared by every process. Unset: in-process, right for a single process only. */
  redisUrl?: string;
  keyPrefix?: string;
  /** How long start-up waits for Redis to answer (it may be starting alongside us). */
  connectTimeoutMs?: number;
}

const RETRY_DELAY_MS = 250;

/**
 * Picks the adapter. With Redis, start-up fails when Redis does not answer in time: a process
 * that cannot coordinate must not serve the queue or take locks on its own.
 */
export async function createCoordinator(options: CoordinatorOptions): Promise<Coordinator> {
  if (!options.redisUrl) return createMemoryCoordinator();

  const coord = createRedisCoordinator({ url: options.redisUrl, keyPrefix: options.keyPrefix });
  const deadline = Date.now() + (options.connectTimeoutMs ?? 10_000);
  for (;;) {
    const ping = await coord.ping();
    if (ping.ok) return coord;
    if (Date.now() + RETRY_DELAY_MS > deadline) {
      await coord.close();
      throw new Error(
        `Redis at ${redactUrl(options.redisUrl)} did not answer: ${ping.error ?? 'unknown error'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
}

/** The URL may carry a password; start-up errors end up in logs. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'REDIS_URL';
  }
}
