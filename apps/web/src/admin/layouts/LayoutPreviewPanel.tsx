import type { Plan } from '@ticketing/seatmap';
import type { ReactNode } from 'react';
import { PlanCanvas } from '../../seatmap/PlanCanvas.tsx';
import { AlertIcon } from '../../ui/icons.tsx';

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The live plan beside a layout form, with every problem that keeps it from being saved. */
export function LayoutPreviewPanel({
  name,
  plan,
  problems,
  stale,
  status,
  children,
}: {
  name: string;
  plan: Plan | undefined;
  problems: string[];
  stale: boolean;
  /** A short state next to the title: "Checking…", "Up to date". */
  status?: ReactNode;
  /** Warnings or notes under the map. */
  children?: ReactNode;
}) {
  return (
    <aside className="layout-preview" aria-labelledby="layout-preview-title">
      <div className="layout-preview-head">
        <h2 id="layout-preview-title">Preview</h2>
        <span className="muted layout-preview-status" aria-live="polite">
          {status ?? (problems.length > 0 ? '' : 'Updates as you type')}
        </span>
      </div>
      <div id="layout-problems" tabIndex={-1} aria-live="polite">
        {problems.length > 0 ? (
          <div className="alert alert-danger">
            <AlertIcon />
            <div>
              <p>
                <strong>
                  {problems.length} {problems.length === 1 ? 'problem' : 'problems'} to fix
                </strong>
                {plan && stale ? ' · the map shows the last valid version' : ''}
              </p>
              <ul className="problem-list">
                {problems.slice(0, 12).map((p) => (
                  <li key={p}>{sentence(p)}</li>
                ))}
                {problems.length > 12 ? <li>…and {problems.length - 12} more</li> : null}
              </ul>
            </div>
          </div>
        ) : null}
      </div>
      {plan ? (
        <div className={stale ? 'layout-preview-map is-stale' : 'layout-preview-map'}>
          <PlanCanvas plan={plan} label={`Preview of ${name}`} height="clamp(16rem, 46vh, 30rem)" />
        </div>
      ) : (
        <div className="layout-preview-empty">
          <p className="muted">The plan appears here.</p>
        </div>
      )}
      {children}
    </aside>
  );
}
