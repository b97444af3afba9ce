import { createHash } from 'node:crypto';

export type CachedBody = { body: string; etag: string; at: number };

/**
 * A small in-process cache of serialized responses with an ETag each. Browse endpoints answer
 * from it so a burst of identical requests costs one database query per TTL, and browsing keeps
 * working (from memory) while booking saturates the database.
 * - Concurrent misses for one key share a single load instead of stampeding the database.
 * - Stale-while-revalidate: an entry past its TTL (but younger than staleMs) is answered at once
 *   while one background load refreshes it, so no reader waits on the database for a known key.
 * - clear() (an admin edit) drops everything: the next read loads fresh data.
 */
export function responseCache(opts: { ttlMs: number; staleMs?: number; maxEntries: number }) {
  const staleMs = opts.staleMs ?? 0;
  const entries = new Map<string, CachedBody>();
  const loading = new Map<string, Promise<CachedBody>>();
  let generation = 0;

  function store(key: string, value: CachedBody) {
    if (entries.size >= opts.maxEntries) {
      // Drop the oldest insertion (Map keeps insertion order): cheap and good enough for a TTL cache.
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    entries.delete(key);
    entries.set(key, value);
  }

  async function get(key: string, load: () => Promise<unknown>): Promise<CachedBody> {
    const hit = entries.get(key);
    const age = hit ? Date.now() - hit.at : Number.POSITIVE_INFINITY;
    if (hit && age < opts.ttlMs) return hit;
    const pending = loading.get(key);
    if (hit && age < opts.ttlMs + staleMs) {
      if (!pending)
        refresh(key, load).catch(() => {
          // The stale copy keeps being served; the next request tries again.
        });
      return hit;
    }
    if (pending) return pending;
    return refresh(key, load);
  }

  function refresh(key: string, load: () => Promise<unknown>): Promise<CachedBody> {
    const startedGeneration = generation;
    const promise = (async () => {
      const body = JSON.stringify(await load());
      const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
      const value = { body, etag, at: Date.now() };
      // A clear() during the load means the data may predate an edit: serve it once, keep it not.
      if (startedGeneration === generation) store(key, value);
      return value;
    })().finally(() => loading.delete(key));
    loading.set(key, promise);
    return promise;
  }

  return {
    get,
    clear() {
      generation++;
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

export type ResponseCache = ReturnType<typeof responseCache>;
