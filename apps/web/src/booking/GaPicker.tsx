import type { GaArea } from '@ticketing/seatmap';
import { useId } from 'react';
import type { SeatStatusStore } from '../api/booking/seatStatusStore.ts';
import { useStatusVersion } from '../api/booking/useSeatStream.ts';
import { type CategoryInfo, priceText } from './prices.ts';
import { plural } from './seatText.ts';

type Props = {
  areas: readonly GaArea[];
  store: SeatStatusStore;
  category: (key: string) => CategoryInfo;
  quantity: number;
  choice: string | null;
  onChoice: (areaId: string) => void;
  busy: boolean;
  disabled: boolean;
  onHold: (areaId: string) => void;
};

/** Standing areas: pick one (here or on the map) and hold `quantity` places in it. */
export function GaPicker({
  areas,
  store,
  category,
  quantity,
  choice,
  onChoice,
  busy,
  disabled,
  onHold,
}: Props) {
  useStatusVersion(store);
  const id = useId();
  const chosen = areas.find((a) => a.id === choice) ?? null;
  return (
    <fieldset className="ga-picker">
      <legend>Standing areas</legend>
      <ul>
        {areas.map((area) => {
          const left = store.ga[area.id] ?? area.capacity;
          const c = category(area.category);
          return (
            <li key={area.id}>
              <label className="ga-option">
                <input
                  type="radio"
                  name={`${id}-ga`}
                  checked={choice === area.id}
                  disabled={left < quantity}
                  onChange={() => onChoice(area.id)}
                />
                <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                <span className="ga-option-name">{area.label}</span>
                <span className="ga-option-meta">
                  {priceText(c.price)} · {left > 0 ? `${plural(left, 'place')} left` : 'sold out'}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="btn btn-block"
        disabled={!chosen || busy || disabled}
        onClick={() => chosen && onHold(chosen.id)}
      >
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        Hold {plural(quantity, 'standing place')}
        {chosen ? ` in ${chosen.label}` : ''}
      </button>
    </fieldset>
  );
}
