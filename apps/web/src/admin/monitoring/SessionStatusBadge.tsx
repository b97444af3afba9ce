import type { SessionMonitorStatus } from '@ticketing/contracts';
import { STATUS_LABELS, STATUS_TONES } from './format.ts';

export function SessionStatusBadge({ status }: { status: SessionMonitorStatus }) {
  return (
    <span className={STATUS_TONES[status]} data-status={status}>
      <span className="dot" aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}
