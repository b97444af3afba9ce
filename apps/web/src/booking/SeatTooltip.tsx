import type { SeatStatusStore } from '../api/booking/seatStatusStore.ts';
import type { MapTarget } from '../seatmap/drawBooking.ts';
import { seatInfo } from '../seatmap/seatCatalog.ts';
import type { MapModel } from './map/mapModel.ts';
import { type CategoryInfo, priceText } from './prices.ts';
import { plural, STATUS_TEXT, seatName } from './seatText.ts';

type Props = {
  target: MapTarget;
  model: MapModel;
  store: SeatStatusStore;
  category: (key: string) => CategoryInfo;
  selected: readonly number[];
};

/** What the pointer is on: a seat (where, category, price, status), a section or a standing area. */
export function SeatTooltip({ target, model, store, category, selected }: Props) {
  const { catalog, prepared, plan } = model;
  if (target.kind === 'seat') {
    const info = seatInfo(catalog, prepared.seatLabels, target.index);
    const c = category(info.category);
    const status = store.loaded ? (store.statuses[target.index] ?? 0) : 0;
    const mine = selected.includes(target.index);
    return (
      <>
        <strong>{seatName(info, catalog.sections.length === 1)}</strong>
        <span className="seat-map-tooltip-row">
          <span className="swatch" style={{ background: c.color }} />
          {c.label} · {priceText(c.price)}
        </span>
        <span className="seat-map-tooltip-status" data-status={mine ? 'mine' : status}>
          {mine ? 'Your choice' : STATUS_TEXT[status as 0 | 1 | 2 | 3]}
        </span>
      </>
    );
  }
  if (target.kind === 'section') {
    const s = catalog.sections[target.index]!;
    const total = s.end - s.start;
    let free = total;
    if (store.loaded) {
      free = 0;
      for (let i = s.start; i < s.end; i++) if (store.statuses[i] === 0) free++;
    }
    const c = category(s.category);
    return (
      <>
        <strong>{s.label}</strong>
        <span className="seat-map-tooltip-row">
          <span className="swatch" style={{ background: c.color }} />
          {c.label} · {priceText(c.price)}
        </span>
        <span>{free === 0 ? 'Sold out' : `${plural(free, 'seat')} free of ${total.toLocaleString()}`}</span>
        <span className="seat-map-tooltip-hint">Click to see the seats</span>
      </>
    );
  }
  const area = plan.gaAreas.find((a) => a.id === target.id);
  if (!area) return null;
  const left = store.ga[area.id] ?? area.capacity;
  const c = category(area.category);
  return (
    <>
      <strong>{area.label}</strong>
      <span className="seat-map-tooltip-hint">Standing area</span>
      <span className="seat-map-tooltip-row">
        <span className="swatch" style={{ background: c.color }} />
        {c.label} · {priceText(c.price)}
      </span>
      <span>{left > 0 ? `${plural(left, 'place')} left` : 'Sold out'}</span>
    </>
  );
}
