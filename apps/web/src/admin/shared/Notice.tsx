import { useLocation } from 'react-router';
import { CheckIcon } from '../../ui/icons.tsx';

/** A one-line success message handed over by the page that navigated here (`state.notice`). */
export function Notice() {
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  if (!notice) return null;
  return (
    <div className="alert alert-success admin-notice" role="status">
      <CheckIcon />
      <div>{notice}</div>
    </div>
  );
}
