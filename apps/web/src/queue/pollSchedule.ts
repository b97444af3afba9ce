/**
 * When the waiting-room page asks the server again. A million pages polling in step would hit the
 * server in waves, so every delay gets up to 20% random extra; none is ever shorter than the
 * server asked for.
 */
export const JITTER = 0.2;
/** Never poll faster than this, whatever a (buggy) answer says. */
export const MIN_POLL_SECONDS = 1;
/** Longest pause between tries after failures, before jitter. */
export const MAX_BACKOFF_SECONDS = 60;
/** Waiting for the pre-queue to open, check at least this often, in case the schedule changed. */
export const MAX_NOT_OPEN_WAIT_SECONDS = 300;

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const withJitter = (ms: number, random: number) => Math.round(ms * (1 + JITTER * clamp01(random)));

/** The next status poll: `pollAfterSeconds` from the answer plus 0–20%. `random` is in [0, 1). */
export function pollDelayMs(pollAfterSeconds: number, random: number): number {
  const seconds = Number.isFinite(pollAfterSeconds) ? Math.max(MIN_POLL_SECONDS, pollAfterSeconds) : 5;
  return withJitter(seconds * 1000, random);
}

/**
 * After `failures` failed tries in a row (1 for the first): 2, 4, 8… seconds up to a minute, and
 * never before the server's Retry-After.
 */
export function retryDelayMs(
  failures: number,
  retryAfterSeconds: number | undefined,
  random: number,
): number {
  const backoff = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.max(1, failures));
  return withJitter(Math.max(backoff, retryAfterSeconds ?? 0) * 1000, random);
}

/**
 * The pre-queue has not opened: try to join again when it does. Everyone on the page would come
 * back at the same second, so the return is spread over the first 3 seconds after opening.
 */
export function notOpenDelayMs(opensAt: string | null, now: number, random: number): number {
  const until = opensAt ? Date.parse(opensAt) - now : Number.NaN;
  const spread = 3000 * clamp01(random);
  if (!Number.isFinite(until)) return withJitter(30_000, random);
  return Math.round(Math.min(Math.max(0, until), MAX_NOT_OPEN_WAIT_SECONDS * 1000) + spread);
}
