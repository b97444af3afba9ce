import type { Order } from '@ticketing/contracts';
import { type ReactNode, useRef } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey } from '../api/booking/idempotencyKey.ts';
import { useCreateOrder } from '../api/booking/useCreateOrder.ts';
import { useHold } from '../api/booking/useHold.ts';
import { describeError } from '../api/client.ts';
import { formatCountdown, remainingMs } from '../booking/countdown.ts';
import { ErrorAlert } from '../ui/Feedback.tsx';

/**
 * After a declined payment the seats may still be held: offer another try (a new order for the
 * same hold, with a new Idempotency-Key). Otherwise, or when that fails, `fallback`.
 */
export function RetryPayment({ order, fallback }: { order: Order; fallback: ReactNode }) {
  const hold = useHold(order.holdId);
  const retry = useCreateOrder();
  const key = useRef<string | null>(null);
  const active = hold.data?.status === 'active' && remainingMs(hold.data.expiresAt, Date.now()) > 0;
  if (!active) return <>{fallback}</>;

  const again = () => {
    key.current ??= newIdempotencyKey();
    retry.mutate(
      { holdId: order.holdId, idempotencyKey: key.current },
      {
        onSuccess: (created) => {
          if (created.payment) window.location.assign(created.payment.redirectUrl);
        },
      },
    );
  };
  return (
    <div className="stack">
      <p className="field-hint">
        Your seats are still held for about {formatCountdown(remainingMs(hold.data!.expiresAt, Date.now()))}.
      </p>
      {retry.error ? <ErrorAlert>{describeError(retry.error)}</ErrorAlert> : null}
      <button type="button" className="btn btn-primary btn-block" disabled={retry.isPending} onClick={again}>
        {retry.isPending ? <span className="spinner" aria-hidden="true" /> : null}
        Try another card
      </button>
      <Link className="btn btn-block" to={`/sessions/${order.sessionId}`}>
        Choose other seats
      </Link>
    </div>
  );
}
