import type { Hold } from '@ticketing/contracts';
import { Link } from 'react-router';
import { formatMoney } from '../ui/format.ts';
import { formatCountdown } from './countdown.ts';
import type { CategoryInfo } from './prices.ts';
import { totalOf } from './prices.ts';
import { plural } from './seatText.ts';
import { useCountdown } from './useCountdown.ts';

type Props = {
  sessionId: string;
  hold: Hold | null;
  picked: number;
  quantity: number;
  prices: CategoryInfo['price'][];
  signedIn: boolean;
  busy: boolean;
  /** The panel's latest message (seat taken, hold failed), repeated here where the eye is. */
  message: string | null;
  onHold: () => void;
  onPay: () => void;
};

/**
 * On phones the panel is below the map: this bar keeps the next step (hold, pay) and the clock in
 * reach while the buyer picks on the map. Hidden on wide screens, where the panel sits beside it.
 */
export function BookingBar({
  sessionId,
  hold,
  picked,
  quantity,
  prices,
  signedIn,
  busy,
  message,
  onHold,
  onPay,
}: Props) {
  const left = useCountdown(hold?.expiresAt ?? null);
  if (!hold && picked === 0 && !message) return null;
  const total = totalOf(prices);

  return (
    <section className="booking-bar" aria-label="Booking summary">
      {/* Already announced by the panel; shown again here for the eye only. */}
      {message ? (
        <p className="booking-bar-message" aria-hidden="true">
          {message}
        </p>
      ) : null}
      <p className="booking-bar-text">
        {hold ? (
          <>
            <strong>Held · {formatCountdown(left ?? 0)}</strong>
            <span>{plural(hold.seats.length + hold.ga.reduce((n, g) => n + g.quantity, 0), 'ticket')}</span>
          </>
        ) : (
          <>
            <strong>
              {picked} of {plural(quantity, 'seat')}
            </strong>
            {total ? <span>{formatMoney(total)}</span> : null}
          </>
        )}
      </p>
      {hold ? (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={onPay}>
          Continue to payment
        </button>
      ) : signedIn ? (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={onHold}>
          Hold {plural(picked, 'seat')}
        </button>
      ) : (
        <Link className="btn btn-primary" to={`/login?next=${encodeURIComponent(`/sessions/${sessionId}`)}`}>
          Sign in to hold
        </Link>
      )}
    </section>
  );
}
