import type { User } from '@ticketing/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../api/useLogout.ts';
import { ChevronDownIcon, LogOutIcon, ReceiptIcon, ShieldIcon, TicketIcon, UserIcon } from '../ui/icons.tsx';

export function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** Disclosure menu: a button that shows a short list of links; closes on Escape, outside click, navigation. */
export function AccountMenu({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the point of a navigation change
  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="account-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="account-trigger"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="account-name">{user.name}</span>
        <ChevronDownIcon size={16} />
      </button>
      {open ? (
        <div className="account-panel" id={panelId}>
          <div className="account-panel-head">
            <strong>{user.name}</strong>
            <span>{user.email}</span>
          </div>
          <ul>
            <li>
              <Link to="/account">
                <UserIcon size={18} /> Account
              </Link>
            </li>
            <li>
              <Link to="/tickets">
                <TicketIcon size={18} /> My tickets
              </Link>
            </li>
            <li>
              <Link to="/orders">
                <ReceiptIcon size={18} /> My orders
              </Link>
            </li>
            {user.role === 'admin' ? (
              <li>
                <Link to="/admin">
                  <ShieldIcon size={18} /> Admin
                </Link>
              </li>
            ) : null}
            <li>
              <button
                type="button"
                disabled={logout.isPending}
                onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/') })}
              >
                <LogOutIcon size={18} /> Sign out
              </button>
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}
