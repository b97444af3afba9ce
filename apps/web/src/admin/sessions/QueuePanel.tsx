import type { QueueMonitor, QueuePhase } from '@ticketing/contracts';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/client.ts';
import { useQueueControl } from '../../api/queue/useQueueControl.ts';
import { useQueueMonitor } from '../../api/queue/useQueueMonitor.ts';
import { ErrorAlert, PageLoading } from '../../ui/Feedback.tsx';
import { formatInZone } from '../shared/zonedTime.ts';

const phases: Record<QueuePhase, { label: string; tone: string; hint: string }> = {
  off: { label: 'Not queueing', tone: 'badge', hint: 'Buyers go straight to the seat map right now.' },
  'not-yet': { label: 'Not open yet', tone: 'badge', hint: 'The pre-queue has not opened.' },
  prequeue: {
    label: 'Pre-queue',
    tone: 'badge badge-accent',
    hint: 'People are joining; their places are drawn at random when sales open.',
  },
  open: { label: 'Admitting', tone: 'badge badge-success', hint: 'The line moves at the outflow below.' },
  closed: { label: 'Closed', tone: 'badge badge-danger', hint: 'Nobody else is let in.' },
};

const closedReasons = { 'sold-out': 'sold out', 'sales-closed': 'sales over', cancelled: 'cancelled' };

const n = (v: number | null) => (v === null ? '—' : Math.round(v).toLocaleString());

/**
 * The live waiting room of one session for the admin (refreshed every 2 s while the page is
 * visible): who waits, who is in, how fast people are let in, and the controls to pause, resume
 * or change that pace.
 */
export function QueuePanel({ sessionId, timeZone }: { sessionId: string; timeZone: string }) {
  const monitor = useQueueMonitor(sessionId);
  return (
    <section className="card queue-panel" aria-labelledby="queue-panel-title">
      <div className="card-title">
        <h2 id="queue-panel-title">Waiting room</h2>
        {monitor.data ? (
          <span className="muted queue-panel-updated">
            Live · updated {new Date(monitor.dataUpdatedAt).toLocaleTimeString()}
          </span>
        ) : null}
      </div>
      {monitor.isPending ? (
        <PageLoading label="Loading the waiting room…" />
      ) : monitor.isError && !monitor.data ? (
        <ErrorAlert>{describeError(monitor.error)}</ErrorAlert>
      ) : (
        <MonitorView sessionId={sessionId} m={monitor.data} timeZone={timeZone} stale={monitor.isError} />
      )}
    </section>
  );
}

function MonitorView(props: { sessionId: string; m: QueueMonitor; timeZone: string; stale: boolean }) {
  const { m, timeZone } = props;
  const s = m.serving;
  const phase = phases[s.phase];
  const shoppersFull = m.maxActiveShoppers > 0 ? Math.min(1, m.activeShoppers / m.maxActiveShoppers) : 0;
  return (
    <div className="queue-panel-body">
      <p className="queue-panel-phase">
        <span className={phase.tone}>
          <span className="dot" aria-hidden="true" />
          {phase.label}
          {s.closedReason ? ` · ${closedReasons[s.closedReason]}` : ''}
        </span>
        {s.paused ? <span className="badge badge-warning">Paused</span> : null}
        {s.mode === 'auto' ? (
          <span className="badge">{s.engaged ? 'Auto · engaged' : 'Auto · standing by'}</span>
        ) : null}
        <span className="muted">{phase.hint}</span>
      </p>
      {props.stale ? (
        <p className="alert alert-danger">Not updating: the last refresh failed. Retrying…</p>
      ) : null}

      <dl className="queue-stats">
        <Stat label="Waiting" value={n(m.waiting)} note="in line, not yet let in" />
        <Stat label="Admitted" value={n(s.serving)} note={`of ${n(s.joined)} joined`} />
        <Stat
          label="Active shoppers"
          value={n(m.activeShoppers)}
          note={`of ${n(m.maxActiveShoppers)} at once`}
          meter={shoppersFull}
        />
        <Stat label="Pending" value={n(m.pendingAdmissions)} note="let in, not yet come in" />
        <Stat label="Admission rate" value={`${n(s.admissionRatePerMinute)}/min`} note="measured" />
        <Stat label="Outflow" value={`${n(s.outflowPerMinute)}/min`} note="target" />
        <Stat label="Remaining seats" value={n(m.remainingSeats)} note="on sale now" />
        <Stat
          label="Pre-queue"
          value={s.prequeueSize === null ? '—' : n(s.prequeueSize)}
          note={s.prequeueSize === null ? 'drawn when sales open' : 'drawn at opening'}
        />
      </dl>
      <p className="muted admin-footnote">
        Sales open {formatInZone(s.salesOpenAt, timeZone)}
        {s.prequeueOpensAt ? ` · pre-queue opens ${formatInZone(s.prequeueOpensAt, timeZone)}` : ''} ·{' '}
        {m.leader
          ? 'this server runs the admission controller'
          : 'another server runs the admission controller'}
      </p>
      <QueueControls sessionId={props.sessionId} paused={s.paused} outflow={s.outflowPerMinute} />
    </div>
  );
}

function Stat(props: { label: string; value: string; note: string; meter?: number }) {
  return (
    <div className="queue-stat">
      <dt>{props.label}</dt>
      <dd>
        <span className="queue-stat-value">{props.value}</span>
        <span className="queue-stat-note">{props.note}</span>
        {props.meter === undefined ? null : (
          <span className="queue-stat-meter" aria-hidden="true">
            <span style={{ width: `${Math.round(props.meter * 100)}%` }} />
          </span>
        )}
      </dd>
    </div>
  );
}

function QueueControls({
  sessionId,
  paused,
  outflow,
}: {
  sessionId: string;
  paused: boolean;
  outflow: number;
}) {
  const control = useQueueControl(sessionId);
  // What the admin is typing; null shows the live value, so a refresh never overwrites typing.
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const value = draft ?? String(outflow);
  const rate = Number(value);
  const valid = Number.isInteger(rate) && rate >= 1 && rate <= 100_000;

  const setRate = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    control.mutate(
      { outflowPerMinute: rate },
      {
        onSuccess: () => {
          setDraft(null);
          setSaved(`Outflow set to ${rate.toLocaleString()} a minute.`);
        },
      },
    );
  };

  return (
    <div className="queue-controls">
      <button
        type="button"
        className={paused ? 'btn btn-primary' : 'btn'}
        disabled={control.isPending}
        onClick={() => {
          setSaved(null);
          control.mutate({ action: paused ? 'resume' : 'pause' });
        }}
      >
        {paused ? 'Resume admissions' : 'Pause admissions'}
      </button>
      <form className="queue-rate-form" onSubmit={setRate}>
        <label className="field-label" htmlFor={`${sessionId}-outflow`}>
          Let in per minute
        </label>
        <input
          id={`${sessionId}-outflow`}
          className="input"
          type="number"
          min={1}
          max={100_000}
          value={value}
          aria-invalid={!valid}
          onChange={(e) => {
            setSaved(null);
            setDraft(e.target.value);
          }}
        />
        <button type="submit" className="btn" disabled={control.isPending || !valid || draft === null}>
          Set rate
        </button>
      </form>
      <p className="form-status" role="status">
        {saved}
      </p>
      {control.error ? <ErrorAlert>{describeError(control.error)}</ErrorAlert> : null}
    </div>
  );
}
