import type { SessionDetail } from '@ticketing/contracts';
import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import type { SeatStatusStore } from '../api/booking/seatStatusStore.ts';
import { describeError, hasCode } from '../api/client.ts';
import { ErrorAlert } from '../ui/Feedback.tsx';
import { formatMoney } from '../ui/format.ts';
import { AlertIcon, ArrowRightIcon } from '../ui/icons.tsx';
import { BestAvailableForm } from './BestAvailableForm.tsx';
import { CheckoutInProgress } from './CheckoutInProgress.tsx';
import { GaPicker } from './GaPicker.tsx';
import { HeldSummary } from './HeldSummary.tsx';
import type { MapModel } from './map/mapModel.ts';
import { type CategoryInfo, priceText, totalOf } from './prices.ts';
import type { Notice } from './SeatPicker.tsx';
import { plural } from './seatText.ts';
import type { useHoldFlow } from './useHoldFlow.ts';

type Props = {
  session: SessionDetail;
  model: MapModel;
  store: SeatStatusStore;
  category: (key: string) => CategoryInfo;
  signedIn: boolean;
  quantity: number;
  maxQuantity: number;
  onQuantity: (n: number) => void;
  picked: readonly string[];
  nameOf: (id: string) => string;
  onRemove: (id: string) => void;
  gaChoice: string | null;
  onGaChoice: (id: string) => void;
  notice: Notice | null;
  flow: ReturnType<typeof useHoldFlow>;
  onHoldPicked: () => void;
  onHoldBest: (category: string, sectionId: string | null) => void;
  onHoldGa: (areaId: string) => void;
  onChangeSeats: () => void;
  onExpired: () => void;
  onPickAgain: () => void;
  /** Changes when the panel switches between picking and held after a buyer's action. */
  focusKey: number;
};

/** The right-hand panel: tickets, what is chosen and its price, then hold, then pay. */
export function BookingPanel(props: Props) {
  const { session, model, category, flow, quantity, picked } = props;
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The button the buyer pressed is gone once the panel changes: put focus on its new heading.
  useEffect(() => {
    if (props.focusKey > 0) heading.current?.focus();
  }, [props.focusKey]);
  const open = session.salesState === 'open';
  const next = encodeURIComponent(`/sessions/${session.id}`);
  const categoryOfSeat = (seatId: string) => {
    const i = model.catalog.indexOf.get(seatId);
    return category(i === undefined ? '' : (model.catalog.categoryKeys[model.catalog.categoryOf[i]!] ?? ''));
  };

  if (flow.hold) {
    return (
      <section className="card booking-panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          Your seats are held
        </h2>
        <HeldSummary hold={flow.hold} category={category} nameOf={props.nameOf} onExpired={props.onExpired} />
        {flow.payError ? <ErrorAlert>{describeError(flow.payError)}</ErrorAlert> : null}
        <button
          type="button"
          className="btn btn-primary btn-lg btn-block"
          disabled={flow.paying}
          onClick={() => flow.checkout()}
        >
          {flow.paying ? <span className="spinner" aria-hidden="true" /> : null}
          Continue to payment <ArrowRightIcon size={18} />
        </button>
        <button
          type="button"
          className="btn btn-block"
          disabled={flow.releasing}
          onClick={props.onChangeSeats}
        >
          Change seats
        </button>
      </section>
    );
  }

  const prices = picked.map((s) => categoryOfSeat(s).price);
  const total = totalOf(prices);
  const holdError =
    flow.createError && !hasCode(flow.createError, 'SEATS_UNAVAILABLE') ? flow.createError : null;

  return (
    <section className="card booking-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Your tickets
      </h2>
      {flow.expired ? (
        <div className="alert alert-danger hold-expired" role="alert">
          <AlertIcon />
          <div>
            <strong>Your hold has expired.</strong> The seats went back on sale. Pick seats again; yours may
            still be free.
            <button type="button" className="btn btn-sm" onClick={props.onPickAgain}>
              Pick seats again
            </button>
          </div>
        </div>
      ) : null}
      {!open ? (
        <p className="alert alert-info">
          {session.salesState === 'not-yet'
            ? 'Sales have not opened yet. You can look at the seats now.'
            : session.salesState === 'sold-out'
              ? 'This date is sold out.'
              : 'Sales for this date have closed.'}
        </p>
      ) : null}
      <div className="field booking-quantity">
        <label className="field-label" htmlFor={`${id}-qty`}>
          Number of tickets
        </label>
        <select
          id={`${id}-qty`}
          className="input"
          value={quantity}
          disabled={!open}
          onChange={(e) => props.onQuantity(Number(e.target.value))}
        >
          {Array.from({ length: props.maxQuantity }, (_, n) => n + 1).map((n) => (
            <option key={n} value={n}>
              {plural(n, 'ticket')}
            </option>
          ))}
        </select>
      </div>

      <div className="booking-choice">
        <h3>
          Chosen seats{' '}
          <span className="muted">
            ({picked.length} of {quantity})
          </span>
        </h3>
        {picked.length === 0 ? (
          <p className="muted">
            Pick {plural(quantity, 'seat')} on the map or in the list, or let us find the best available.
          </p>
        ) : (
          <ul className="seat-lines">
            {picked.map((seatId) => {
              const c = categoryOfSeat(seatId);
              return (
                <li key={seatId}>
                  <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                  <span className="seat-line-name">
                    {props.nameOf(seatId)}
                    <span className="muted">{c.label}</span>
                  </span>
                  <span className="seat-line-price">{priceText(c.price)}</span>
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm seat-line-remove"
                    aria-label={`Remove ${props.nameOf(seatId)}`}
                    onClick={() => props.onRemove(seatId)}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {total ? (
          <p className="booking-total">
            <span>Total</span> <strong>{formatMoney(total)}</strong>
          </p>
        ) : null}
      </div>

      {props.notice ? (
        <p className={`alert ${props.notice.tone === 'info' ? 'alert-info' : 'alert-danger'}`} role="alert">
          {props.notice.text}
        </p>
      ) : null}
      {hasCode(holdError, 'CHECKOUT_IN_PROGRESS') ? (
        <CheckoutInProgress error={holdError} onReleased={flow.resetErrors} />
      ) : holdError ? (
        <ErrorAlert>{describeError(holdError)}</ErrorAlert>
      ) : null}

      {props.signedIn ? (
        <button
          type="button"
          className="btn btn-primary btn-lg btn-block"
          disabled={!open || picked.length === 0 || flow.creating}
          onClick={props.onHoldPicked}
        >
          {flow.creating ? <span className="spinner" aria-hidden="true" /> : null}
          {picked.length > 0 ? `Hold ${plural(picked.length, 'seat')}` : 'Hold seats'}
        </button>
      ) : (
        <Link className="btn btn-primary btn-lg btn-block" to={`/login?next=${next}`}>
          Sign in to hold seats
        </Link>
      )}
      {picked.length > 0 && picked.length < quantity ? (
        <p className="field-hint">
          You chose {picked.length} of {quantity}; you can hold these or pick more.
        </p>
      ) : null}

      {open && props.signedIn ? (
        <>
          <BestAvailableForm
            model={model}
            store={props.store}
            category={category}
            quantity={quantity}
            busy={flow.creating}
            disabled={!open}
            onSubmit={props.onHoldBest}
          />
          {model.plan.gaAreas.length > 0 ? (
            <GaPicker
              areas={model.plan.gaAreas}
              store={props.store}
              category={category}
              quantity={quantity}
              choice={props.gaChoice}
              onChoice={props.onGaChoice}
              busy={flow.creating}
              disabled={!open}
              onHold={props.onHoldGa}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
