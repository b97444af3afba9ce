import { type ReactNode, useEffect, useId, useRef } from 'react';
import { CloseIcon } from './icons.tsx';

/**
 * A modal on the native <dialog>: focus moves in and is kept there, Escape closes it, and the page
 * behind is inert, with no library. `classPrefix` picks the feature's styles (admin-dialog, order-dialog).
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  wide,
  classPrefix = 'admin-dialog',
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  classPrefix?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`${classPrefix}${wide ? ` ${classPrefix}-wide` : ''}`}
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <header className={`${classPrefix}-head`}>
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn-ghost btn-sm" aria-label="Close" onClick={onClose}>
          <CloseIcon size={18} />
        </button>
      </header>
      <div className={`${classPrefix}-body`}>{open ? children : null}</div>
      {footer ? <footer className={`${classPrefix}-foot`}>{footer}</footer> : null}
    </dialog>
  );
}
