import { useEffect, useState } from 'react';

/** Date.now(), refreshed every 15 s while `running`: enough for ranges cut at whole minutes. */
export function useMinuteClock(running: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}
