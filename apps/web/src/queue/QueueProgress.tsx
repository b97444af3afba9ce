import { progressPercent } from './queueText.ts';

/**
 * How far along the line this person is. Null (no place yet) draws a slow, calm shimmer instead
 * of a bar, and tells assistive technology the progress is not known yet.
 */
export function QueueProgress({ value, label }: { value: number | null; label: string }) {
  const percent = progressPercent(value);
  return (
    <div className="queue-progress">
      <div
        className="queue-progress-track"
        role="progressbar"
        aria-label="Progress in the line"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === null ? undefined : percent}
        aria-valuetext={value === null ? label : `${percent}% of the way. ${label}`}
        data-indeterminate={value === null}
      >
        <div className="queue-progress-fill" style={{ width: value === null ? undefined : `${percent}%` }} />
      </div>
      <p className="queue-progress-label" aria-hidden="true">
        {label}
      </p>
    </div>
  );
}
