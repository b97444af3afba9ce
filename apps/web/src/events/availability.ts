import type { SessionSummary } from '@ticketing/contracts';
import { formatDayTime } from './venueTime.ts';

export type Tone = 'success' | 'warning' | 'danger' | 'accent' | 'neutral';

export const badgeClass = (tone: Tone) => (tone === 'neutral' ? 'badge' : `badge badge-${tone}`);

/** How full a session or category is, as a buyer reads it. */
export function demand({ available, capacity }: { available: number; capacity: number }): {
  label: string | null;
  tone: Tone;
} {
  if (capacity <= 0 || available <= 0) return { label: 'Sold out', tone: 'danger' };
  const left = available / capacity;
  if (left <= 0.1 || available <= 10) return { label: 'Almost sold out', tone: 'danger' };
  if (left <= 0.3) return { label: 'Selling fast', tone: 'warning' };
  return { label: null, tone: 'success' };
}

/** "On sale", "On sale from Thu 3 Dec, 10:00", "Sales closed", "Sold out". */
export function salesLabel(
  session: Pick<SessionSummary, 'salesState' | 'salesOpenAt'> & { venue: { timezone: string } },
): { label: string; tone: Tone } {
  switch (session.salesState) {
    case 'open':
      return { label: 'On sale', tone: 'success' };
    case 'not-yet':
      return {
        label: `On sale from ${formatDayTime(session.salesOpenAt, session.venue.timezone)}`,
        tone: 'accent',
      };
    case 'closed':
      return { label: 'Sales closed', tone: 'neutral' };
    case 'sold-out':
      return { label: 'Sold out', tone: 'danger' };
  }
}

const count = new Intl.NumberFormat();

/** "240 of 240 seats left", "1 seat left". */
export function seatsLeft({ available, capacity }: { available: number; capacity: number }) {
  if (available <= 0) return 'No seats left';
  return `${count.format(available)} of ${count.format(capacity)} ${capacity === 1 ? 'seat' : 'seats'} left`;
}
