import type { CategoryAvailability } from '@ticketing/contracts';
import { formatMoney } from '../ui/format.ts';
import { badgeClass, demand, seatsLeft } from './availability.ts';
import './prices.css';

/**
 * One row per seating category: colour (as on the seat map), label, price and how many are left,
 * in the layout's order, which is the organiser's. `detailed` adds the count and a bar per
 * category, for the session page.
 */
export function CategoryPrices({
  categories,
  detailed,
}: {
  categories: CategoryAvailability[];
  detailed?: boolean;
}) {
  const allGone = categories.every((c) => c.available <= 0);
  return (
    <ul className={`price-list${detailed ? ' price-list-detailed' : ''}`}>
      {categories.map((c) => {
        // When everything is gone the session says so once; no badge on every row.
        const level = allGone ? { label: null, tone: 'danger' as const } : demand(c);
        const soldOut = c.available <= 0;
        return (
          <li key={c.key} className="price-row" data-sold-out={soldOut || undefined}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            <span className="price-label">{c.label}</span>
            <span className="price-amount">{c.price ? formatMoney(c.price) : 'Price soon'}</span>
            {level.label ? (
              <span className={`price-badge ${badgeClass(level.tone)}`}>{level.label}</span>
            ) : null}
            {detailed ? (
              <span className="price-stock">
                <AvailabilityBar available={c.available} capacity={c.capacity} color={c.color} />
                <span className="muted">{seatsLeft(c)}</span>
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Decorative: the text beside it says the numbers. */
export function AvailabilityBar({
  available,
  capacity,
  color,
}: {
  available: number;
  capacity: number;
  color?: string;
}) {
  const share = capacity > 0 ? Math.max(0, Math.min(1, available / capacity)) : 0;
  const tone = demand({ available, capacity }).tone;
  return (
    <span className="avail-bar" data-tone={tone} aria-hidden="true">
      <span style={{ width: `${share * 100}%`, ...(color ? { background: color } : {}) }} />
    </span>
  );
}
