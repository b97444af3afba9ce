import type { QueueStatus } from '@ticketing/contracts';
import { aheadText, formatCount, formatEta } from './queueText.ts';

/**
 * What a screen reader hears. A change of state is said at once; a new place in line at most
 * every MIN_GAP_MS, so a fast-moving line does not talk over everything else.
 */
export const MIN_GAP_MS = 30_000;

export type Announced = { state: QueueStatus['state']; position: number | null; at: number; text: string };

export function nextAnnouncement(prev: Announced | null, status: QueueStatus, now: number): Announced | null {
  const same = prev !== null && prev.state === status.state;
  if (same && (prev.position === status.position || now - prev.at < MIN_GAP_MS)) return null;
  return { state: status.state, position: status.position, at: now, text: spoken(status) };
}

function spoken(s: QueueStatus): string {
  switch (s.state) {
    case 'prequeue':
      return 'You are in the waiting room. Your place in line is drawn at random when sales open.';
    case 'waiting': {
      const place = s.position === null ? '' : `You are number ${formatCount(s.position)} in line. `;
      const ahead = aheadText(s.ahead);
      const eta = s.etaSeconds ? ` Estimated wait ${formatEta(s.etaSeconds)}.` : '';
      return `${place}${ahead ? `${ahead}.` : ''}${eta}${s.paused ? ' The queue is paused for a moment.' : ''}`;
    }
    case 'admitted':
      return 'It is your turn. Choose “Choose your seats” to continue.';
    case 'closed':
      return s.message || 'The queue has closed.';
  }
}
