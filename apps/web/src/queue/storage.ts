/**
 * What the waiting room keeps in the browser, per session and bound to the account that got it:
 * - the place in line (the signed queue token), so a reload or a new tab resumes the same place;
 * - the booking access token with its expiry, so the seat map knows whether the buyer may hold.
 * Both live in localStorage (shared by the tabs of this browser). Storage can be full or disabled:
 * then the page still works, it only forgets on reload.
 */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type StoredPlace = { token: string; joinNumber: number; accountId: string };
export type StoredAccess = { accessToken: string; expiresAt: string; accountId: string };

export const placeKey = (sessionId: string) => `ticketing:queue:place:${sessionId}`;
export const accessKey = (sessionId: string) => `ticketing:queue:access:${sessionId}`;

/**
 * An access token this close to its end is treated as gone: a hold sent now would reach the
 * server after it expired, and the buyer would pick seats for nothing.
 */
export const ACCESS_MARGIN_MS = 5_000;

function read(store: KeyValueStore | null, key: string): unknown {
  try {
    const raw = store?.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function write(store: KeyValueStore | null, key: string, value: unknown) {
  try {
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or quota: the place is simply not remembered across reloads.
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The stored place of this account in this session's line, or null (none, another account's, or damaged). */
export function readPlace(
  store: KeyValueStore | null,
  sessionId: string,
  accountId: string,
): StoredPlace | null {
  const v = read(store, placeKey(sessionId));
  if (!isObject(v) || typeof v.token !== 'string' || typeof v.joinNumber !== 'number') return null;
  if (v.accountId !== accountId) return null;
  return { token: v.token, joinNumber: v.joinNumber, accountId };
}

export const writePlace = (store: KeyValueStore | null, sessionId: string, place: StoredPlace | null) =>
  write(store, placeKey(sessionId), place);

/**
 * The access token of this account for this session while it still has more than the margin to
 * run; an expired one is removed, so the next reader does not have to decide again.
 */
export function readAccess(
  store: KeyValueStore | null,
  sessionId: string,
  accountId: string,
  now: number,
): StoredAccess | null {
  const v = read(store, accessKey(sessionId));
  if (!isObject(v) || typeof v.accessToken !== 'string' || typeof v.expiresAt !== 'string') return null;
  if (v.accountId !== accountId) return null;
  const expires = Date.parse(v.expiresAt);
  if (!Number.isFinite(expires) || expires - ACCESS_MARGIN_MS <= now) {
    write(store, accessKey(sessionId), null);
    return null;
  }
  return { accessToken: v.accessToken, expiresAt: v.expiresAt, accountId };
}

export const writeAccess = (store: KeyValueStore | null, sessionId: string, access: StoredAccess | null) =>
  write(store, accessKey(sessionId), access);

/** localStorage, or null where touching it throws (some privacy modes, sandboxed frames). */
export function browserStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The shopping time is over: forget the access and the place it came from (used up), so the
 * waiting room takes a new place at the back instead of showing an old turn.
 */
export function forgetTurn(store: KeyValueStore | null, sessionId: string) {
  writeAccess(store, sessionId, null);
  writePlace(store, sessionId, null);
}
