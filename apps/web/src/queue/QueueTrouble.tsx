import { describeError, hasCode } from '../api/client.ts';
import { useCountdown } from '../booking/useCountdown.ts';
import type { Trouble } from './useQueue.ts';

/**
 * A failed try, said quietly in a line that is always there (empty when all is well), so the card
 * never jumps. The place is not lost; the page tries again by itself.
 */
export function QueueTrouble({ trouble, onRetry }: { trouble: Trouble | null; onRetry: () => void }) {
  const left = useCountdown(trouble ? new Date(trouble.retryAt).toISOString() : null);
  const seconds = left === null ? 0 : Math.ceil(left / 1000);
  let text = '';
  if (trouble) {
    text = hasCode(trouble.error, 'RATE_LIMITED')
      ? 'Lots of people are checking in right now.'
      : `${describeError(trouble.error)} Your place is safe.`;
  }
  return (
    <p className="queue-trouble" role="status" data-visible={trouble !== null}>
      {trouble ? (
        <>
          <span>
            {text} {seconds > 0 ? `Trying again in ${seconds} s.` : 'Trying again…'}
          </span>
          {/* Not when rate limited: trying before Retry-After only earns another refusal. */}
          {hasCode(trouble.error, 'RATE_LIMITED') ? null : (
            <button type="button" className="btn btn-ghost btn-sm" onClick={onRetry}>
              Try now
            </button>
          )}
        </>
      ) : null}
    </p>
  );
}
