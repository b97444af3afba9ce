import type { Order } from '@ticketing/contracts';
import { useState } from 'react';
import { useCancelOrder } from '../api/booking/useCancelOrder.ts';
import { describeError } from '../api/client.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorAlert } from '../ui/Feedback.tsx';
import { money } from './orderText.ts';

/** Asks which tickets to cancel (all, or some) and what comes back, then cancels. */
export function CancelDialog({ order, open, onClose }: { order: Order; open: boolean; onClose: () => void }) {
  const active = order.tickets.filter((t) => t.status === 'active');
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const cancel = useCancelOrder(order.id);
  const ids = scope === 'all' ? active.map((t) => t.id) : chosen;
  const refund = active.filter((t) => ids.includes(t.id)).reduce((n, t) => n + t.priceCents, 0);

  const close = () => {
    cancel.reset();
    onClose();
  };
  const confirm = () =>
    cancel.mutate(scope === 'all' ? undefined : chosen, {
      onSuccess: () => {
        setChosen([]);
        onClose();
      },
    });

  return (
    <Dialog
      classPrefix="order-dialog"
      open={open}
      title="Cancel tickets"
      onClose={close}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Keep my tickets
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={cancel.isPending || ids.length === 0}
            onClick={confirm}
          >
            {cancel.isPending ? <span className="spinner" aria-hidden="true" /> : null}
            Cancel {ids.length === 1 ? '1 ticket' : `${ids.length} tickets`}
          </button>
        </>
      }
    >
      <div className="stack">
        {active.length > 1 ? (
          <fieldset className="cancel-scope">
            <legend className="field-label">What to cancel</legend>
            <label>
              <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />{' '}
              The whole order ({active.length} tickets)
            </label>
            <label>
              <input type="radio" name="scope" checked={scope === 'some'} onChange={() => setScope('some')} />{' '}
              Some tickets
            </label>
            {scope === 'some' ? (
              <ul className="cancel-tickets">
                {active.map((t) => (
                  <li key={t.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.includes(t.id)}
                        onChange={(e) =>
                          setChosen(e.target.checked ? [...chosen, t.id] : chosen.filter((c) => c !== t.id))
                        }
                      />{' '}
                      {t.label} <span className="muted">· {money(t.priceCents, order.currency)}</span>
                    </label>
                  </li>
                ))}
              </ul>
            ) : null}
          </fieldset>
        ) : null}
        <p>
          {ids.length === 0
            ? 'Choose the tickets to cancel.'
            : `${money(refund, order.currency)} goes back to your card. The seats go back on sale at once; this cannot be undone.`}
        </p>
        <div aria-live="polite">
          {cancel.error ? <ErrorAlert>{describeError(cancel.error)}</ErrorAlert> : null}
        </div>
      </div>
    </Dialog>
  );
}
