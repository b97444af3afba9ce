import type { SessionMonitorStatus } from '@ticketing/contracts';

/**
 * Where a session stands for an admin, from its own and its event's status, its times and its
 * stock. Cancellation wins over everything, then draft, then time; sold out only while on sale.
 *
 * Pure: the clock is a parameter.
 */
export function sessionMonitorStatus(
  input: {
    eventStatus: 'draft' | 'published' | 'cancelled' | 'ended';
    sessionStatus: 'draft' | 'published' | 'cancelled';
    salesOpenAt: number;
    salesCloseAt: number;
    endsAt: number;
    capacity: number;
    sold: number;
    held: number;
  },
  now: number,
): SessionMonitorStatus {
  if (input.sessionStatus === 'cancelled' || input.eventStatus === 'cancelled') return 'cancelled';
  if (input.sessionStatus === 'draft' || input.eventStatus === 'draft') return 'draft';
  if (now >= input.endsAt || input.eventStatus === 'ended') return 'past';
  if (now >= input.salesCloseAt) return 'sales_closed';
  if (now < input.salesOpenAt) return 'scheduled';
  // Held seats count as gone: a buyer sees nothing left until those holds end.
  if (input.capacity > 0 && input.sold + input.held >= input.capacity) return 'sold_out';
  return 'on_sale';
}
