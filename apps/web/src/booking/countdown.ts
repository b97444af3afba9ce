/** The last minute of a hold is shown as a warning. */
export const WARN_BELOW_MS = 60_000;

export type CountdownPhase = 'running' | 'warning' | 'expired';

/** Milliseconds left until `expiresAt`, never below 0. */
export const remainingMs = (expiresAt: string, now: number) => Math.max(0, Date.parse(expiresAt) - now);

export function countdownPhase(ms: number): CountdownPhase {
  if (ms <= 0) return 'expired';
  return ms <= WARN_BELOW_MS ? 'warning' : 'running';
}

/** "9:59", "0:07", "1:02:03". Rounds up, so the clock reads 0:00 only once the time is over. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "4 minutes 5 seconds", "1 minute", "30 seconds": for screen readers, which read "4:05" badly. */
export function spokenCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  const parts = [];
  if (m > 0) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  if (s > 0 || m === 0) parts.push(`${s} ${s === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}
