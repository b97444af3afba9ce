import type { EventStatus } from '@ticketing/contracts';

/** draft → published → cancelled | ended; cancelled and ended are final. Pure, tested directly. */
const ALLOWED: Record<EventStatus, EventStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['cancelled', 'ended'],
  cancelled: [],
  ended: [],
};

export function canChangeStatus(from: EventStatus, to: EventStatus): boolean {
  return from === to || ALLOWED[from].includes(to);
}
