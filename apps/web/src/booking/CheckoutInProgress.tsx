import { Link } from 'react-router';
import { useReleaseHold } from '../api/booking/useReleaseHold.ts';
import type { ApiError } from '../api/client.ts';
import { AlertIcon } from '../ui/icons.tsx';

/**
 * A new hold was refused because the buyer is paying for other seats of this session (another tab,
 * or they came back from the payment page): finish that payment, or give those seats up.
 */
export function CheckoutInProgress({ error, onReleased }: { error: ApiError; onReleased: () => void }) {
  const release = useReleaseHold();
  const orderId = typeof error.extra.orderId === 'string' ? error.extra.orderId : null;
  const holdId = typeof error.extra.holdId === 'string' ? error.extra.holdId : null;
  return (
    <div className="alert alert-danger" role="alert">
      <AlertIcon />
      <div className="stack-sm">
        <span>{error.detail}</span>
        <span className="checkout-actions">
          {orderId ? (
            <Link className="btn btn-sm" to={`/orders/${orderId}`}>
              Finish that payment
            </Link>
          ) : null}
          {holdId ? (
            <button
              type="button"
              className="btn btn-sm"
              disabled={release.isPending}
              onClick={() => release.mutate(holdId, { onSuccess: onReleased })}
            >
              Release those seats
            </button>
          ) : null}
        </span>
      </div>
    </div>
  );
}
