import { useQueryClient } from '@tanstack/react-query';
import type { SessionDetail } from '@ticketing/contracts';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { queryKeys } from '../api/keys.ts';
import { useMe } from '../api/useMe.ts';
import { useSession } from '../api/useSession.ts';
import { formatDayTime } from '../events/venueTime.ts';
import { PageLoading } from '../ui/Feedback.tsx';
import { QueueAnnouncer } from './QueueAnnouncer.tsx';
import { QueueEnded } from './QueueEnded.tsx';
import { QueueAdmitted, QueueNotOpen, QueuePrequeue, QueueWaiting } from './QueueStates.tsx';
import { QueueSteps, stepOf } from './QueueSteps.tsx';
import { QueueTrouble } from './QueueTrouble.tsx';
import { browserStore, readAccess } from './storage.ts';
import { useQueue } from './useQueue.ts';
import './queue.css';

/** Why the booking page sent the buyer here (router state), said above the card. */
export type QueueNotice = 'access-required' | 'access-expired';

const NOTICES: Record<QueueNotice, string> = {
  'access-required': 'This on-sale uses a waiting room: seats are chosen in turn. Your place is below.',
  'access-expired':
    'Your time to choose seats ran out, so the seat map closed for you. Seats you already held stay yours until their hold ends.',
};

/** The waiting room of one session (signed in): join or resume, wait calmly, then go to the seats. */
export function QueuePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const accountId = me.data?.id ?? '';
  // Already let in, with time left (another tab, or Back from the seat map): straight to the seats.
  const [hasAccess] = useState(() => readAccess(browserStore(), id, accountId, Date.now()) !== null);
  if (hasAccess) return <Navigate to={`/sessions/${id}`} replace />;
  return <QueueRoom sessionId={id} accountId={accountId} />;
}

function QueueRoom({ sessionId, accountId }: { sessionId: string; accountId: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  const notice = (location.state as { queueNotice?: QueueNotice } | null)?.queueNotice;
  const session = useSession(sessionId);
  const seatsPath = `/sessions/${sessionId}`;
  const queryClient = useQueryClient();
  const queue = useQueue(sessionId, accountId, () => {
    // What this page loaded before the on-sale ("sales not open") is out of date on the seat map.
    queryClient.invalidateQueries({ queryKey: queryKeys.session(sessionId) });
    navigate(seatsPath);
  });
  const { view } = queue;

  if (view.kind === 'off') return <Navigate to={seatsPath} replace />;
  if (view.kind === 'signed-out') {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  }

  const s = session.data;
  const status = view.kind === 'line' ? view.status : null;
  const admitted = status?.state === 'admitted';
  const title = s ? s.event.title : 'Waiting room';

  return (
    <div className="queue-page">
      <title>{`${admitted ? 'It’s your turn! · ' : ''}${title} · Waiting room · Ticketing`}</title>
      <header className="queue-hero">
        <div className="container queue-hero-inner">
          <p className="queue-eyebrow">Waiting room</p>
          <h1 className="queue-event">{s ? s.event.title : <span className="skeleton queue-skeleton" />}</h1>
          <p className="queue-when">{s ? whenWhere(s) : '\u00a0'}</p>
        </div>
      </header>

      <div className="container queue-body">
        {notice ? (
          <p className="alert alert-info queue-notice" role="status">
            {NOTICES[notice]}
          </p>
        ) : null}
        <section
          className="card queue-card"
          aria-labelledby="queue-title"
          data-state={stateOf(view)}
          data-position={status?.position ?? undefined}
          data-ahead={status?.ahead ?? undefined}
        >
          {view.kind === 'starting' || view.kind === 'entered' ? (
            <PageLoading
              label={view.kind === 'entered' ? 'Taking you to the seats…' : 'Finding your place…'}
            />
          ) : view.kind === 'not-open' ? (
            <QueueNotOpen opensAt={view.opensAt} salesOpenAt={s?.salesOpenAt ?? null} />
          ) : status?.state === 'prequeue' ? (
            <QueuePrequeue status={status} />
          ) : status?.state === 'waiting' ? (
            <QueueWaiting status={status} checkedAt={view.kind === 'line' ? view.at : Date.now()} />
          ) : status?.state === 'admitted' ? (
            <QueueAdmitted
              status={status}
              entering={queue.entering}
              error={queue.enterError}
              onEnter={queue.enter}
            />
          ) : (
            <QueueEnded
              kind={view.kind === 'line' ? 'closed' : view.kind}
              reason={status?.closedReason ?? null}
              detail={view.kind === 'closed' ? view.detail : (status?.message ?? '')}
              eventId={s?.event.id ?? null}
              onRejoin={queue.rejoin}
            />
          )}
          <QueueTrouble trouble={queue.trouble} onRetry={queue.retryNow} />
        </section>

        <QueueSteps current={stepOf(view)} />
        <p className="queue-footnote muted">
          You can reload or close this page: your place is kept for your account in this browser. More tabs or
          devices don’t move you up. {s ? <Link to={`/events/${s.event.id}`}>About this event</Link> : null}
        </p>
        {status ? <QueueAnnouncer status={status} /> : null}
      </div>
    </div>
  );
}

const whenWhere = (s: SessionDetail) =>
  `${formatDayTime(s.startsAt, s.venue.timezone)} · ${s.venue.name}, ${s.venue.city}`;

function stateOf(view: ReturnType<typeof useQueue>['view']): string {
  return view.kind === 'line' ? view.status.state : view.kind;
}
