import type { QueueStatus } from '@ticketing/contracts';
import { useEffect, useState } from 'react';
import { type Announced, nextAnnouncement } from './announce.ts';

/** Reads out changes of state at once and the place in line now and then (announce.ts says when). */
export function QueueAnnouncer({ status }: { status: QueueStatus }) {
  const [said, setSaid] = useState<Announced | null>(null);
  useEffect(() => {
    setSaid((prev) => nextAnnouncement(prev, status, Date.now()) ?? prev);
  }, [status]);
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true">
      {said?.text ?? ''}
    </p>
  );
}
