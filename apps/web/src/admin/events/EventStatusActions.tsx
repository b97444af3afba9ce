import type { AdminEvent } from '@ticketing/contracts';
import { useState } from 'react';
import { type EventStatusTarget, useChangeEventStatus } from '../../api/admin/useChangeEventStatus.ts';
import { describeError } from '../../api/client.ts';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';

const actions: Record<
  EventStatusTarget,
  { button: string; title: string; confirm: string; danger?: boolean; explain: (title: string) => string }
> = {
  published: {
    button: 'Publish',
    title: 'Publish this event?',
    confirm: 'Publish event',
    explain: (t) =>
      `“${t}” will appear on the browse and search pages with its published sessions. Sessions still in draft stay hidden until you publish them.`,
  },
  ended: {
    button: 'Mark ended',
    title: 'Mark this event as ended?',
    confirm: 'Mark ended',
    explain: (t) => `“${t}” leaves the browse pages and can no longer be booked. This cannot be undone.`,
  },
  cancelled: {
    button: 'Cancel event',
    title: 'Cancel this event?',
    confirm: 'Cancel event',
    danger: true,
    explain: (t) =>
      `“${t}” disappears from the browse pages and nobody can book it any more. This cannot be undone.`,
  },
};

/** The next statuses an event can take: draft → published → cancelled | ended. */
const next: Record<AdminEvent['status'], EventStatusTarget[]> = {
  draft: ['published'],
  published: ['ended', 'cancelled'],
  cancelled: [],
  ended: [],
};

export function EventStatusActions({ event }: { event: AdminEvent }) {
  const change = useChangeEventStatus(event.id);
  const [asking, setAsking] = useState<EventStatusTarget | null>(null);
  const action = asking ? actions[asking] : null;
  const close = () => {
    setAsking(null);
    change.reset();
  };
  return (
    <>
      {next[event.status].map((target) => (
        <button
          key={target}
          type="button"
          className={`btn ${target === 'published' ? 'btn-primary' : target === 'cancelled' ? 'btn-danger' : ''}`}
          onClick={() => setAsking(target)}
        >
          {actions[target].button}
        </button>
      ))}
      <ConfirmDialog
        open={asking !== null}
        title={action?.title ?? ''}
        confirmLabel={action?.confirm ?? ''}
        danger={action?.danger}
        busy={change.isPending}
        error={change.isError ? describeError(change.error) : null}
        onClose={close}
        onConfirm={() => asking && change.mutate(asking, { onSuccess: () => setAsking(null) })}
      >
        <p>{action?.explain(event.title)}</p>
      </ConfirmDialog>
    </>
  );
}
