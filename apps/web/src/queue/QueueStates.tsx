import type { QueueStatus } from '@ticketing/contracts';
import type { ReactNode } from 'react';
import { describeError } from '../api/client.ts';
import { formatCountdown, spokenCountdown } from '../booking/countdown.ts';
import { useCountdown } from '../booking/useCountdown.ts';
import { ErrorAlert } from '../ui/Feedback.tsx';
import { ArrowRightIcon } from '../ui/icons.tsx';
import { QueueProgress } from './QueueProgress.tsx';
import { aheadText, formatClock, formatClockSeconds, formatCount, formatEta } from './queueText.ts';

/**
 * The card's content per state. Every state has the same skeleton (pill, title, lead, one big
 * figure, the bar, three facts), so moving from one to the next never makes the page jump.
 */
function Frame(props: {
  pill: string;
  tone?: 'calm' | 'go' | 'paused';
  title: string;
  lead: ReactNode;
  figure: ReactNode;
  figureLabel: ReactNode;
  progress: number | null;
  progressLabel: string;
  facts: [term: string, value: string][];
  children?: ReactNode;
}) {
  return (
    <div className="queue-state" data-tone={props.tone ?? 'calm'}>
      <p className="queue-pill">
        <span className="queue-pill-dot" aria-hidden="true" />
        {props.pill}
      </p>
      <h2 id="queue-title" className="queue-title">
        {props.title}
      </h2>
      <p className="queue-lead">{props.lead}</p>
      <div className="queue-figure">
        <div className="queue-figure-value">{props.figure}</div>
        <div className="queue-figure-label">{props.figureLabel}</div>
      </div>
      <QueueProgress value={props.progress} label={props.progressLabel} />
      <dl className="queue-facts">
        {props.facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {props.children}
    </div>
  );
}

function Countdown({ to }: { to: string | null }) {
  const left = useCountdown(to);
  if (left === null) return <>–:––</>;
  return (
    <span role="timer" aria-label={`${spokenCountdown(left)} left`}>
      {formatCountdown(left)}
    </span>
  );
}

/** Before the pre-queue opens: the page joins by itself when it does. */
export function QueueNotOpen({
  opensAt,
  salesOpenAt,
}: {
  opensAt: string | null;
  salesOpenAt: string | null;
}) {
  return (
    <Frame
      pill="Opening soon"
      title="The waiting room opens soon"
      lead={
        <>
          Keep this page open: you’ll be let into the waiting room automatically
          {opensAt ? ` at ${formatClock(opensAt)}` : ''}. Everyone there before sales open gets a fair, random
          place in line.
        </>
      }
      figure={<Countdown to={opensAt} />}
      figureLabel="until the waiting room opens"
      progress={null}
      progressLabel="Not in line yet"
      facts={[
        ['Waiting room opens', opensAt ? formatClock(opensAt) : 'soon'],
        ['Sales open', salesOpenAt ? formatClock(salesOpenAt) : '—'],
        ['Your place', 'drawn at random'],
      ]}
    />
  );
}

/** In the pre-queue: no place yet, it is drawn at random when sales open. */
export function QueuePrequeue({ status }: { status: QueueStatus }) {
  const at = formatClock(status.salesOpenAt);
  return (
    <Frame
      pill="Pre-queue"
      title="You’re in the waiting room"
      lead={
        <>
          Your place in line is drawn at random when sales open at <strong>{at}</strong>. Arriving earlier
          doesn’t help or hurt — just keep this page open.
        </>
      }
      figure={<Countdown to={status.salesOpenAt} />}
      figureLabel={`until sales open at ${at}`}
      progress={null}
      progressLabel="Waiting for sales to open"
      facts={[
        ['Sales open', at],
        ['Your place', 'drawn at random'],
        ['Estimated wait', 'after the draw'],
      ]}
    />
  );
}

/** In line: place, people ahead, estimated wait. */
export function QueueWaiting({ status, checkedAt }: { status: QueueStatus; checkedAt: number }) {
  const paused = status.paused;
  const eta = status.etaSeconds;
  return (
    <Frame
      pill={paused ? 'Paused for a moment' : 'Sales are open'}
      tone={paused ? 'paused' : 'calm'}
      title={paused ? 'The line is paused' : 'You’re in line'}
      lead={
        paused
          ? 'The organiser has paused the line for a moment. You keep your place; it moves again as soon as they resume.'
          : 'The line moves by itself and this page updates on its own. When it’s your turn, you’ll see a button to choose your seats.'
      }
      figure={status.position === null ? '—' : formatCount(status.position)}
      figureLabel="your place in line"
      progress={status.progress}
      progressLabel={aheadText(status.ahead) || 'In line'}
      facts={[
        ['People ahead', status.ahead === null ? '—' : formatCount(status.ahead)],
        ['Estimated wait', eta ? formatEta(eta) : 'unknown for now'],
        ['Last checked', formatClockSeconds(checkedAt)],
      ]}
    />
  );
}

/** Their turn: a clear button, and the time left to press it. */
export function QueueAdmitted(props: {
  status: QueueStatus;
  entering: boolean;
  error: unknown;
  onEnter: () => void;
}) {
  const left = useCountdown(props.status.enterBy);
  const minutes = left === null ? null : Math.max(1, Math.ceil(left / 60_000));
  // By our clock the time to come in is over; the server has the last word, so the button stays.
  const over = left !== null && left <= 0;
  return (
    <Frame
      pill="Your turn"
      tone="go"
      title={
        over
          ? 'Your time to come in has run out'
          : minutes === null
            ? 'It’s your turn'
            : `It’s your turn — enter within ${minutes} min`
      }
      lead={
        over
          ? 'Try to come in now; if your place has gone to the next person, you can join the line again.'
          : 'Thanks for waiting. Choose your seats now: if you don’t come in before the time runs out, your place goes to the next person.'
      }
      figure={<Countdown to={props.status.enterBy} />}
      figureLabel="left to enter"
      progress={1}
      progressLabel="Your turn"
      facts={[
        ['Your place', props.status.position === null ? '—' : formatCount(props.status.position)],
        ['People ahead', 'none'],
        ['Enter by', props.status.enterBy ? formatClock(props.status.enterBy) : 'now'],
      ]}
    >
      <div className="queue-actions">
        <button
          type="button"
          className="btn btn-primary btn-lg queue-enter"
          disabled={props.entering}
          onClick={props.onEnter}
        >
          {props.entering ? <span className="spinner" aria-hidden="true" /> : null}
          Choose your seats <ArrowRightIcon size={20} />
        </button>
        {props.error ? <ErrorAlert>{describeError(props.error)}</ErrorAlert> : null}
      </div>
    </Frame>
  );
}
