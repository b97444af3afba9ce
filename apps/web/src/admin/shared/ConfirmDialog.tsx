import type { ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';

/** Asks before an action that cannot be undone (or that buyers will see at once). */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Go back
          </button>
          <button
            type="button"
            className={`btn ${danger ? 'btn-danger-solid' : 'btn-primary'}`}
            disabled={busy}
            onClick={onConfirm}
          >
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {confirmLabel}
          </button>
        </>
      }
    >
      <div className="stack">
        {children}
        <div className="form-status" aria-live="polite">
          {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        </div>
      </div>
    </Dialog>
  );
}
