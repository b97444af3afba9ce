import type { Order } from '@ticketing/contracts';
import { useEffect, useState } from 'react';
import { ArrowRightIcon } from '../ui/icons.tsx';

/** Past this, "confirming" gets a word of reassurance: webhooks can be late, never lost. */
const SLOW_MS = 15_000;

/**
 * The order waits for the provider's webhook. Back from the payment page: "confirming" while the
 * page waits for it (useOrder: the server answers the moment the order settles). Not paid yet
 * (the buyer came back another way): the way to the payment page.
 */
export function PaymentPending({ order, returned }: { order: Order; returned: string | null }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setSlow(true), SLOW_MS);
    return () => clearTimeout(t);
  }, []);

  if (returned) {
    return (
      <div className="order-banner" data-tone="pending" role="status">
        <span className="spinner order-banner-spinner" aria-hidden="true" />
        <div>
          <h1>Confirming your payment…</h1>
          <p>
            {slow
              ? 'This is taking longer than usual. You can leave this page: the order updates by itself, and your tickets appear in My tickets once the payment is confirmed.'
              : 'This usually takes a second. Your tickets appear here as soon as the payment is confirmed.'}
          </p>
        </div>
      </div>
    );
  }
  return (
    <header className="order-banner" data-tone="pending">
      <span className="spinner order-banner-spinner" aria-hidden="true" />
      <div>
        <h1>Waiting for your payment</h1>
        <p>Your seats are held while you pay. This page updates by itself once the payment is confirmed.</p>
        {order.payment ? (
          <a className="btn btn-primary" href={order.payment.redirectUrl}>
            Go to payment <ArrowRightIcon size={18} />
          </a>
        ) : null}
      </div>
    </header>
  );
}
