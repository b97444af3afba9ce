import { describe, expect, it } from 'vitest';
import {
  ACCESS_MARGIN_MS,
  forgetTurn,
  type KeyValueStore,
  placeKey,
  readAccess,
  readPlace,
  writeAccess,
  writePlace,
} from './storage.ts';

/** An in-memory Storage, with a switch to make it throw like a full or disabled one. */
class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  broken = false;
  getItem(k: string) {
    if (this.broken) throw new Error('SecurityError');
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.broken) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const S = 'session-1';
const now = Date.parse('2026-12-01T10:00:00Z');
const at = (ms: number) => new Date(now + ms).toISOString();

describe('waiting-room storage', () => {
  it('keeps the place per session and per account', () => {
    const store = new MemoryStore();
    writePlace(store, S, { token: 'tok-a', joinNumber: 7, accountId: 'ada' });
    expect(readPlace(store, S, 'ada')).toEqual({ token: 'tok-a', joinNumber: 7, accountId: 'ada' });
    expect(readPlace(store, S, 'bob')).toBeNull();
    expect(readPlace(store, 'session-2', 'ada')).toBeNull();
    writePlace(store, S, null);
    expect(readPlace(store, S, 'ada')).toBeNull();
  });

  it('ignores a damaged entry', () => {
    const store = new MemoryStore();
    store.map.set(placeKey(S), '{not json');
    expect(readPlace(store, S, 'ada')).toBeNull();
    store.map.set(placeKey(S), JSON.stringify({ token: 5, joinNumber: 'x', accountId: 'ada' }));
    expect(readPlace(store, S, 'ada')).toBeNull();
  });

  it('returns the access token while it has time left, and forgets it once it has run out', () => {
    const store = new MemoryStore();
    writeAccess(store, S, { accessToken: 'acc', expiresAt: at(60_000), accountId: 'ada' });
    expect(readAccess(store, S, 'ada', now)?.accessToken).toBe('acc');
    expect(readAccess(store, S, 'bob', now)).toBeNull();
    expect(readAccess(store, S, 'ada', now + 60_000)).toBeNull();
    expect(store.map.size).toBe(0);
  });

  it('treats an access token about to expire as gone, so no hold is sent with it', () => {
    const store = new MemoryStore();
    writeAccess(store, S, { accessToken: 'acc', expiresAt: at(ACCESS_MARGIN_MS + 1), accountId: 'ada' });
    expect(readAccess(store, S, 'ada', now)).not.toBeNull();
    expect(readAccess(store, S, 'ada', now + 2)).toBeNull();
  });

  it('works without storage: nothing is remembered, nothing throws', () => {
    const store = new MemoryStore();
    store.broken = true;
    writePlace(store, S, { token: 't', joinNumber: 1, accountId: 'ada' });
    expect(readPlace(store, S, 'ada')).toBeNull();
    expect(readAccess(null, S, 'ada', now)).toBeNull();
    writeAccess(null, S, null);
  });

  it('forgets a used turn entirely: access and place', () => {
    const store = new MemoryStore();
    writePlace(store, S, { token: 't', joinNumber: 1, accountId: 'ada' });
    writeAccess(store, S, { accessToken: 'acc', expiresAt: at(60_000), accountId: 'ada' });
    writePlace(store, 'other', { token: 'o', joinNumber: 2, accountId: 'ada' });
    forgetTurn(store, S);
    expect(readPlace(store, S, 'ada')).toBeNull();
    expect(readAccess(store, S, 'ada', now)).toBeNull();
    expect(readPlace(store, 'other', 'ada')?.token).toBe('o');
  });
});
