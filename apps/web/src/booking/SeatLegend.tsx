import { useMemo } from 'react';
import type { SeatStatusStore } from '../api/booking/seatStatusStore.ts';
import { useStatusVersion } from '../api/booking/useSeatStream.ts';
import type { MapModel } from './map/mapModel.ts';
import { type CategoryInfo, priceText } from './prices.ts';

/**
 * Categories with colour, price and what is left (live), then how taken and chosen seats look.
 * A real list, so a screen reader hears the same key as a sighted buyer sees.
 */
export function SeatLegend({
  model,
  store,
  category,
}: {
  model: MapModel;
  store: SeatStatusStore;
  category: (key: string) => CategoryInfo;
}) {
  const version = useStatusVersion(store);
  const { catalog } = model;
  // biome-ignore lint/correctness/useExhaustiveDependencies: counts change with the live version
  const free = useMemo(() => {
    const counts = new Uint32Array(catalog.categoryKeys.length);
    if (!store.loaded) return null;
    for (let i = 0; i < catalog.count; i++) if (store.statuses[i] === 0) counts[catalog.categoryOf[i]!]!++;
    for (const area of model.plan.gaAreas) {
      const k = catalog.categoryKeys.indexOf(area.category);
      if (k >= 0) counts[k]! += store.ga[area.id] ?? 0;
    }
    return counts;
  }, [version, catalog, store]);
  const inPlan = new Set(model.prepared.legend.filter((e) => e.seats + e.standing > 0).map((e) => e.key));
  const used = catalog.categoryKeys.map((key, k) => ({ key, k })).filter(({ key }) => inPlan.has(key));

  return (
    <div className="seat-legend">
      <ul className="seat-legend-categories" aria-label="Prices by category">
        {used.map(({ key, k }) => {
          const c = category(key);
          const left = free?.[k];
          return (
            <li key={key}>
              <span className="seat-legend-swatch" style={{ background: c.color }} aria-hidden="true" />
              <span className="seat-legend-label">{c.label}</span>
              <span className="seat-legend-meta">
                <span className="seat-legend-price">{priceText(c.price)}</span>
                {left !== undefined ? (
                  <span className="seat-legend-count">
                    {' · '}
                    {left === 0 ? 'sold out' : `${left.toLocaleString()} left`}
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      <ul className="seat-legend-states" aria-label="Seat states">
        <li>
          <span className="seat-legend-swatch seat-legend-selected" aria-hidden="true" /> Your choice
        </li>
        <li>
          <span className="seat-legend-swatch seat-legend-held" aria-hidden="true" /> Held by someone
        </li>
        <li>
          <span className="seat-legend-swatch seat-legend-sold" aria-hidden="true" /> Sold
        </li>
        {model.prepared.accessibleSeats > 0 ? (
          <li>
            <span className="seat-legend-swatch seat-legend-accessible" aria-hidden="true" /> Wheelchair space
          </li>
        ) : null}
        <li className="seat-legend-live" data-live={store.live}>
          <span className="dot" aria-hidden="true" /> {store.live ? 'Live' : 'Reconnecting…'}
        </li>
      </ul>
    </div>
  );
}
