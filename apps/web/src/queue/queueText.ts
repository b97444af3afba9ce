import type { QueueStatus } from '@ticketing/contracts';

/** The words of the waiting room, kept apart from the page so they are tested directly. */

const minutes = (n: number) => `${n} ${n === 1 ? 'minute' : 'minutes'}`;
const hours = (n: number) => `${n} ${n === 1 ? 'hour' : 'hours'}`;

/**
 * The estimated wait as people read it: "less than a minute", "about 4 minutes", "4–7 minutes",
 * "1–2 hours". Null (nobody is being let in) is "unknown"; the page says why beside it.
 * The lower end is rounded down and the upper end up, so the range never promises too much.
 */
export function formatEta(eta: QueueStatus['etaSeconds']): string {
  if (!eta) return 'unknown';
  const lo = Math.max(0, Math.min(eta.min, eta.max));
  const hi = Math.max(eta.min, eta.max);
  if (hi < 60) return 'less than a minute';
  if (hi < 2 * 3600) {
    const a = Math.max(1, Math.floor(lo / 60));
    const b = Math.max(a, Math.ceil(hi / 60));
    return a === b ? `about ${minutes(a)}` : `${a}–${minutes(b)}`;
  }
  const a = Math.max(1, Math.floor(lo / 3600));
  const b = Math.max(a, Math.ceil(hi / 3600));
  return a === b ? `about ${hours(a)}` : `${a}–${hours(b)}`;
}

/** "1,234" in the reader's locale; positions and counts are never fractional. */
export const formatCount = (n: number) => Math.round(n).toLocaleString();

/** "12 people are ahead of you", "You're next". */
export function aheadText(ahead: number | null): string {
  if (ahead === null) return '';
  if (ahead <= 0) return 'You’re next';
  return ahead === 1 ? '1 person is ahead of you' : `${formatCount(ahead)} people are ahead of you`;
}

/** Why the queue closed, as a headline and a sentence. */
export function closedText(reason: QueueStatus['closedReason']): { title: string; body: string } {
  switch (reason) {
    case 'sold-out':
      return {
        title: 'Sold out',
        body: 'Every ticket for this date has been sold. Sorry — thank you for waiting with us.',
      };
    case 'cancelled':
      return { title: 'This date was cancelled', body: 'Sales for this date have been called off.' };
    default:
      return { title: 'Sales have ended', body: 'Tickets for this date are no longer on sale.' };
  }
}

/** "20:05" (or "8:05 PM"), in the reader's own time zone: it is when *their* page changes. */
export const formatClock = (iso: string) =>
  new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** "20:05:09": when the page last heard from the server, so a reader can tell it is alive. */
export const formatClockSeconds = (at: number) =>
  new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A whole-percent progress value for the bar; null (pre-queue) is 0. */
export const progressPercent = (progress: number | null) =>
  progress === null ? 0 : Math.round(Math.min(1, Math.max(0, progress)) * 100);
