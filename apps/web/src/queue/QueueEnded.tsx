import type { QueueStatus } from '@ticketing/contracts';
import { Link } from 'react-router';
import { AlertIcon, CheckIcon, ClockIcon } from '../ui/icons.tsx';
import { closedText } from './queueText.ts';

type Props = {
  kind: 'closed' | 'place-expired' | 'shopping-over';
  reason: QueueStatus['closedReason'];
  detail: string;
  eventId: string | null;
  onRejoin: () => void;
};

/** The line is over for this person: sold out or ended, or their turn passed. Says what they can do. */
export function QueueEnded({ kind, reason, detail, eventId, onRejoin }: Props) {
  const back = eventId ? (
    <Link className="btn" to={`/events/${eventId}`}>
      Other dates of this event
    </Link>
  ) : (
    <Link className="btn" to="/events">
      Browse events
    </Link>
  );

  if (kind === 'closed') {
    const text = closedText(reason);
    return (
      <div className="queue-ended">
        <span className="queue-ended-icon" data-tone="danger" aria-hidden="true">
          <AlertIcon size={28} />
        </span>
        <h2 id="queue-title" className="queue-title">
          {text.title}
        </h2>
        <p className="queue-lead">{reason ? text.body : detail || text.body}</p>
        <div className="queue-actions">{back}</div>
      </div>
    );
  }

  const expired = kind === 'place-expired';
  return (
    <div className="queue-ended">
      <span className="queue-ended-icon" data-tone="warning" aria-hidden="true">
        {expired ? <ClockIcon size={28} /> : <CheckIcon size={28} />}
      </span>
      <h2 id="queue-title" className="queue-title">
        {expired ? 'Your turn has passed' : 'Your time to choose seats is over'}
      </h2>
      <p className="queue-lead">
        {expired
          ? 'It was your turn, but nobody came in before the time ran out, so the place went to the next person.'
          : 'You were let in and your shopping time has run out.'}{' '}
        You can join the line again, at the back.
      </p>
      <div className="queue-actions">
        <button type="button" className="btn btn-primary btn-lg" onClick={onRejoin}>
          Join the line again
        </button>
        {back}
      </div>
    </div>
  );
}
