import type { Hold } from '@ticketing/contracts';
import { formatMoney } from '../ui/format.ts';
import { HoldCountdown } from './HoldCountdown.tsx';
import { type CategoryInfo, priceText, totalOf } from './prices.ts';
import { plural } from './seatText.ts';

/** The held seats and standing places with their prices, the total and the countdown. */
export function HeldSummary({
  hold,
  category,
  nameOf,
  onExpired,
}: {
  hold: Hold;
  category: (key: string) => CategoryInfo;
  nameOf: (id: string) => string;
  onExpired: () => void;
}) {
  const lines = [
    ...hold.seats.map((s) => ({ key: s.id, name: nameOf(s.id), c: category(s.category), n: 1 })),
    ...hold.ga.map((g) => ({
      key: g.areaId,
      name: `${g.label} (standing)`,
      c: category(g.category),
      n: g.quantity,
    })),
  ];
  const total = totalOf(
    lines.map((l) => (l.c.price ? { ...l.c.price, amountCents: l.c.price.amountCents * l.n } : null)),
  );
  return (
    <>
      <HoldCountdown expiresAt={hold.expiresAt} onExpired={onExpired} />
      <ul className="seat-lines">
        {lines.map((l) => (
          <li key={l.key}>
            <span className="swatch" style={{ background: l.c.color }} aria-hidden="true" />
            <span className="seat-line-name">
              {l.n > 1 ? `${plural(l.n, 'place')}, ${l.name}` : l.name}
              <span className="muted">{l.c.label}</span>
            </span>
            <span className="seat-line-price">
              {l.c.price
                ? formatMoney({ ...l.c.price, amountCents: l.c.price.amountCents * l.n })
                : priceText(null)}
            </span>
          </li>
        ))}
      </ul>
      {total ? (
        <p className="booking-total">
          <span>Total</span> <strong>{formatMoney(total)}</strong>
        </p>
      ) : null}
    </>
  );
}
