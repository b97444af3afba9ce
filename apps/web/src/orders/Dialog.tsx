import { type ReactNode, useEffect, useId, useRef } from 'react';
import { CloseIcon } from '../ui/icons.tsx';

/** A modal on the native <dialog>: focus is kept inside, Escape closes, the page behind is inert. */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
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
    <dialog ref={ref} className="order-dialog" aria-labelledby={titleId} onClose={onClose}>
      <header className="order-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn-ghost btn-sm" aria-label="Close" onClick={onClose}>
          <CloseIcon size={18} />
        </button>
      </header>
      <div className="order-dialog-body">{open ? children : null}</div>
      <footer className="order-dialog-foot">{footer}</footer>
    </dialog>
  );
}
