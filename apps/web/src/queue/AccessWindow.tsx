import { formatCountdown, spokenCountdown } from '../booking/countdown.ts';
import { useDeadline } from '../booking/useCountdown.ts';
import { ClockIcon } from '../ui/icons.tsx';

/**
 * The time left to hold seats after the waiting room let this buyer in: a small pill by the map's
 * title, amber in the last minute. Seats already held are not affected when it runs out.
 */
export function AccessWindow({ expiresAt, onExpired }: { expiresAt: string; onExpired: () => void }) {
  const { left, phase } = useDeadline(expiresAt, onExpired);

  return (
    <p className="access-window" data-phase={phase}>
      <ClockIcon size={16} />
      <span>
        {phase === 'expired' ? (
          'Your time to choose seats is over'
        ) : (
          <>
            Your turn ·{' '}
            <span role="timer" aria-label={`${spokenCountdown(left)} left to choose seats`}>
              {formatCountdown(left)}
            </span>{' '}
            left to choose seats
          </>
        )}
      </span>
    </p>
  );
}
