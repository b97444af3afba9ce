import type { LayoutCreate } from '@ticketing/contracts';
import { ErrorAlert } from '../../ui/Feedback.tsx';

export type SaveLayout = (body: LayoutCreate) => void;

export function SaveBar({ busy, label, error }: { busy: boolean; label: string; error: string | null }) {
  return (
    <div className="layout-save">
      <div className="form-status" aria-live="polite">
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {label}
        </button>
      </div>
    </div>
  );
}
