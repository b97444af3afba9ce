import { createHash } from 'node:crypto';

export type CachedBody = { body: string; etag: string; at: number };

/**
 * A small in-process cache of serialized responses with an ETag each. Browse endpoints answer
 * from it so a burst of identical requests costs one database query per TTL, and browsing keeps
 * working (from memory) while booking saturates the database. Concurrent misses for one key share
 * a single load instead of stampeding the database.
 */
export function responseCache(opts: { ttlMs: number; maxEntries: number }) {
  const entries = new Map<string, CachedBody>();
  const loading = new Map<string, Promise<CachedBody>>();
  let generation = 0;

  function store(key: string, value: CachedBody) {
    if (entries.size >= opts.maxEntries) {
      // Drop the oldest insertion (Map keeps insertion order): cheap and good enough for a TTL cache.
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    entries.set(key, value);
  }

  return {
    async get(key: string, load: () => Promise<unknown>): Promise<CachedBody> {
      const hit = entries.get(key);
      if (hit && Date.now() - hit.at < opts.ttlMs) return hit;
      const pending = loading.get(key);
      if (pending) return pending;
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
    },
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
