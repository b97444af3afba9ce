import type { QueuePhase } from '@ticketing/contracts';

/**
 * Whether the seat map of a session may be used now, or the buyer goes through the waiting room:
 * - `open`: no queue right now (mode off, phase off, or closed: nothing to queue for), or let in;
 * - `queue`: the line is running and this buyer has no access (and no hold to finish);
 * - `soon`: the pre-queue has not opened; the map can be looked at, sales are not open anyway.
 */
export type GateDecision = 'open' | 'queue' | 'soon';

export function gateDecision(input: {
  queueMode: 'off' | 'scheduled' | 'auto';
  phase: QueuePhase | null;
  hasAccess: boolean;
  /** A hold from before (this tab), still to be paid: the buyer must be able to reach it. */
  hasHold: boolean;
}): GateDecision {
  const { queueMode, phase } = input;
  if (queueMode === 'off' || phase === null || phase === 'off' || phase === 'closed') return 'open';
  if (phase === 'not-yet') return 'soon';
  return input.hasAccess || input.hasHold ? 'open' : 'queue';
}
