/**
 * What the buyer chose on a session survives a reload and the detour through sign-in: kept in
 * sessionStorage (this tab only). Storage can be full or disabled; then we simply forget.
 */
export function readStored<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or quota: the choice just does not survive a reload.
  }
}

export const holdKey = (sessionId: string) => `ticketing:hold:${sessionId}`;
export const pickKey = (sessionId: string) => `ticketing:pick:${sessionId}`;
