import { useEffect, useRef, useState } from 'react';
import { countdownPhase, remainingMs } from './countdown.ts';

/**
 * Milliseconds left until `expiresAt`, updated on each second boundary of the deadline (so the
 * display never skips or repeats a second); null when there is no deadline.
 */
export function useCountdown(expiresAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return;
    const tick = () => setNow(Date.now());
    tick();
    const offset = (Date.parse(expiresAt) - Date.now()) % 1000;
    let interval: ReturnType<typeof setInterval> | undefined;
    const start = setTimeout(
      () => {
        tick();
        interval = setInterval(tick, 1000);
      },
      Math.max(offset, 0),
    );
    return () => {
      clearTimeout(start);
      clearInterval(interval);
    };
  }, [expiresAt]);
  return expiresAt ? remainingMs(expiresAt, now) : null;
}

/** Time left and its phase (calm → warning → expired), calling onExpired once when it runs out. */
export function useDeadline(expiresAt: string, onExpired: () => void) {
  const left = useCountdown(expiresAt) ?? 0;
  const phase = countdownPhase(left);
  const expiredRef = useRef(onExpired);
  expiredRef.current = onExpired;
  useEffect(() => {
    if (phase === 'expired') expiredRef.current();
  }, [phase]);
  return { left, phase };
}
