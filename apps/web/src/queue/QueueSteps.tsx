import type { QueueView } from './useQueue.ts';

const STEPS = [
  {
    title: 'Waiting room',
    body: 'Everyone here before sales open gets a random place in line, so nobody wins by refreshing.',
  },
  {
    title: 'In line',
    body: 'People are let in a few at a time, in order. Your place and the estimated wait update here.',
  },
  {
    title: 'Your turn',
    body: 'A button appears and you have a few minutes to come in. Keep this page where you can see it.',
  },
  { title: 'Choose seats', body: 'Pick seats on the map and pay before your hold runs out.' },
] as const;

/** Which step this view is at: 0 waiting room … 3 choosing seats; null when the line is over. */
export function stepOf(view: QueueView): number | null {
  switch (view.kind) {
    case 'starting':
    case 'not-open':
      return 0;
    case 'entered':
      return 3;
    case 'line':
      return { prequeue: 0, waiting: 1, admitted: 2, closed: null }[view.status.state];
    default:
      return null;
  }
}

/** "What happens next": the four steps, the current one marked. */
export function QueueSteps({ current }: { current: number | null }) {
  return (
    <section className="queue-steps" aria-labelledby="queue-steps-title">
      <h2 id="queue-steps-title">What happens next</h2>
      <ol>
        {STEPS.map((step, i) => (
          <li
            key={step.title}
            data-step={current === null ? 'idle' : i < current ? 'done' : i === current ? 'now' : 'next'}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="queue-step-number" aria-hidden="true">
              {i + 1}
            </span>
            <span>
              <strong>{step.title}</strong>
              <span className="muted">{step.body}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
