import type { AdminSession } from '@ticketing/contracts';
import { useState } from 'react';
import { useCancelSession } from '../../api/admin/useCancelSession.ts';
import { usePublishSession } from '../../api/admin/usePublishSession.ts';
import { describeError, isApiError } from '../../api/client.ts';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';

/**
 * Publish (checks every category has a price, then puts the seats on sale) and cancel. A publish
 * refused with PRICES_MISSING reports through `onPricesMissing`, so the page can name the categories
 * (the problem only says so in its detail text) and the price editor can mark them.
 */
export function SessionActions({
  session,
  pricesDirty,
  onPricesMissing,
  onPublishError,
}: {
  session: AdminSession;
  pricesDirty: boolean;
  onPricesMissing: () => void;
  onPublishError: (message: string | null) => void;
}) {
  const publish = usePublishSession(session.id);
  const cancel = useCancelSession(session.id);
  const [confirmCancel, setConfirmCancel] = useState(false);

  const doPublish = () => {
    onPublishError(null);
    if (pricesDirty) {
      onPublishError('Save the prices first: publishing uses the saved prices.');
      return;
    }
    publish.mutate(undefined, {
      onSuccess: () => onPublishError(null),
      onError: (err) => {
        if (isApiError(err) && err.code === 'PRICES_MISSING') onPricesMissing();
        else onPublishError(describeError(err));
      },
    });
  };

  return (
    <>
      {session.status === 'draft' ? (
        <button type="button" className="btn btn-primary" disabled={publish.isPending} onClick={doPublish}>
          {publish.isPending ? <span className="spinner" aria-hidden="true" /> : null}
          Publish session
        </button>
      ) : null}
      {session.status !== 'cancelled' ? (
        <button type="button" className="btn btn-danger" onClick={() => setConfirmCancel(true)}>
          Cancel session
        </button>
      ) : null}
      <ConfirmDialog
        open={confirmCancel}
        title="Cancel this session?"
        confirmLabel="Cancel session"
        danger
        busy={cancel.isPending}
        error={cancel.isError ? describeError(cancel.error) : null}
        onClose={() => {
          setConfirmCancel(false);
          cancel.reset();
        }}
        onConfirm={() => cancel.mutate(undefined, { onSuccess: () => setConfirmCancel(false) })}
      >
        <p>
          {session.status === 'published'
            ? 'Its seats come off sale at once and it disappears from the event page. This cannot be undone.'
            : 'It will never go on sale. This cannot be undone.'}
        </p>
      </ConfirmDialog>
    </>
  );
}
