import { describe, expect, it, vi } from 'vitest';
import { responseCache } from './response-cache.ts';

describe('response cache', () => {
  it('shares one load between concurrent misses of the same key', async () => {
    const cache = responseCache({ ttlMs: 1000, maxEntries: 10 });
    const load = vi.fn(async () => ({ n: 1 }));
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(a.etag).toBe(b.etag);
    expect(JSON.parse(a.body)).toEqual({ n: 1 });
  });

  it('serves a stale entry at once and refreshes it in the background', async () => {
    vi.useFakeTimers();
    try {
      const cache = responseCache({ ttlMs: 100, staleMs: 10_000, maxEntries: 10 });
      let n = 0;
      const load = async () => ({ n: ++n });
      await cache.get('k', load);
      vi.advanceTimersByTime(200);
      const stale = await cache.get('k', load);
      expect(JSON.parse(stale.body)).toEqual({ n: 1 });
      await vi.waitFor(async () => expect(JSON.parse((await cache.get('k', load)).body)).toEqual({ n: 2 }));
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets everything on clear, so an edit is visible on the next read', async () => {
    const cache = responseCache({ ttlMs: 60_000, staleMs: 60_000, maxEntries: 10 });
    let title = 'old';
    await cache.get('k', async () => ({ title }));
    title = 'new';
    cache.clear();
    expect(JSON.parse((await cache.get('k', async () => ({ title }))).body)).toEqual({ title: 'new' });
  });

  it('does not keep a result that was loading while the cache was cleared', async () => {
    const cache = responseCache({ ttlMs: 60_000, maxEntries: 10 });
    let release!: () => void;
    const slow = cache.get('k', () => new Promise((r) => (release = () => r({ v: 'before edit' }))));
    cache.clear();
    release();
    expect(JSON.parse((await slow).body)).toEqual({ v: 'before edit' });
    expect(JSON.parse((await cache.get('k', async () => ({ v: 'after edit' }))).body)).toEqual({
      v: 'after edit',
    });
  });

  it('evicts the oldest entry beyond maxEntries', async () => {
    const cache = responseCache({ ttlMs: 60_000, maxEntries: 2 });
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => k);
    expect(cache.size).toBe(2);
  });
});
