import type { Ticket } from '../api/tickets/types.ts';
import { formatDayTime } from '../events/venueTime.ts';

/** The badge of a ticket that no longer admits anyone; null for an active one. */
export function ticketStatus(t: Pick<Ticket, 'status' | 'usedAt' | 'venue'>): {
  label: string;
  badge: string;
} | null {
  if (t.status === 'used')
    return {
      label: t.usedAt ? `Used ${formatDayTime(t.usedAt, t.venue.timezone)}` : 'Used',
      badge: 'badge',
    };
  if (t.status === 'cancelled') return { label: 'Cancelled', badge: 'badge badge-danger' };
  return null;
}
