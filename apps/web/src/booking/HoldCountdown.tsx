import { ClockIcon } from '../ui/icons.tsx';
import { formatCountdown, spokenCountdown } from './countdown.ts';
import { useDeadline } from './useCountdown.ts';

/**
 * Time left on the hold, ticking each second; amber in the last minute. Screen readers hear it at
 * the last minute (and can read the timer any time), not every second.
 */
export function HoldCountdown({ expiresAt, onExpired }: { expiresAt: string; onExpired: () => void }) {
  const { left, phase } = useDeadline(expiresAt, onExpired);

  return (
    <div className="hold-countdown" data-phase={phase}>
      <ClockIcon size={20} />
      <div>
        <p className="hold-countdown-label">
          {phase === 'warning' ? 'Less than a minute left' : 'Held for you'}
        </p>
        <p className="hold-countdown-time" role="timer" aria-label={`${spokenCountdown(left)} left`}>
          {formatCountdown(left)}
        </p>
      </div>
      <p className="visually-hidden" aria-live="assertive">
        {phase === 'warning' ? 'Less than a minute left to pay for your seats.' : ''}
      </p>
    </div>
  );
}
