import type { Redis } from 'ioredis';

/** Drops a bench run's keys (SCAN, not KEYS, so a shared Redis is not blocked). */
export async function dropKeys(redis: Redis, prefix: string) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 10_000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}
