import { useId, useMemo, useState } from 'react';
import type { SeatStatusStore } from '../api/booking/seatStatusStore.ts';
import { useStatusVersion } from '../api/booking/useSeatStream.ts';
import { FREE } from '../seatmap/seatStatus.ts';
import type { MapModel } from './map/mapModel.ts';
import { type CategoryInfo, priceText } from './prices.ts';
import { STATUS_TEXT } from './seatText.ts';

type Props = {
  model: MapModel;
  store: SeatStatusStore;
  category: (key: string) => CategoryInfo;
  selected: readonly number[];
  disabled: boolean;
  onToggle: (index: number) => void;
};

/**
 * The seat map as a list, for the keyboard and screen readers: section, then row, then the row's
 * seats as checkboxes (taken ones disabled), each named with its category and price. Only one row
 * is in the DOM at a time, so it stays light for a stadium.
 */
export function SeatList({ model, store, category, selected, disabled, onToggle }: Props) {
  const version = useStatusVersion(store);
  const { catalog, prepared } = model;
  const ids = useId();
  const freeIn = (start: number, end: number) => {
    if (!store.loaded) return end - start;
    let n = 0;
    for (let i = start; i < end; i++) if (store.statuses[i] === FREE) n++;
    return n;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: counts change with the live version
  const sectionFree = useMemo(() => catalog.sections.map((s) => freeIn(s.start, s.end)), [version, catalog]);
  const firstWithFree = (from: number, to: number, free: (k: number) => number) => {
    for (let k = from; k < to; k++) if (free(k) > 0) return k;
    return from;
  };
  const [sectionIndex, setSectionIndex] = useState(() =>
    firstWithFree(0, catalog.sections.length, (k) => sectionFree[k] ?? 0),
  );
  const section = catalog.sections[sectionIndex] ?? catalog.sections[0]!;
  const rowFree = (r: number) => freeIn(catalog.rows[r]!.start, catalog.rows[r]!.end);
  const [rowIndex, setRowIndex] = useState(() => firstWithFree(section.rowStart, section.rowEnd, rowFree));
  const row =
    catalog.rows[rowIndex] && catalog.rows[rowIndex].section === sectionIndex
      ? catalog.rows[rowIndex]
      : catalog.rows[section.rowStart];

  const chooseSection = (k: number) => {
    setSectionIndex(k);
    const s = catalog.sections[k]!;
    setRowIndex(firstWithFree(s.rowStart, s.rowEnd, rowFree));
  };

  const seats = [];
  if (row) for (let i = row.start; i < row.end; i++) seats.push(i);

  return (
    <div className="seat-list">
      <div className="seat-list-pickers">
        {catalog.sections.length > 1 ? (
          <div className="field">
            <label className="field-label" htmlFor={`${ids}-section`}>
              Section
            </label>
            <select
              id={`${ids}-section`}
              className="input"
              value={sectionIndex}
              onChange={(e) => chooseSection(Number(e.target.value))}
            >
              {catalog.sections.map((s, k) => (
                <option key={s.id} value={k}>
                  {s.label} — {sectionFree[k] === 0 ? 'sold out' : `${sectionFree[k]?.toLocaleString()} free`}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label className="field-label" htmlFor={`${ids}-row`}>
            Row
          </label>
          <select
            id={`${ids}-row`}
            className="input"
            value={row ? catalog.rows.indexOf(row) : ''}
            onChange={(e) => setRowIndex(Number(e.target.value))}
          >
            {Array.from({ length: section.rowEnd - section.rowStart }, (_, n) => section.rowStart + n).map(
              (r) => {
                const free = rowFree(r);
                return (
                  <option key={r} value={r}>
                    Row {catalog.rows[r]!.label} — {free === 0 ? 'no free seats' : `${free} free`}
                  </option>
                );
              },
            )}
          </select>
        </div>
      </div>
      {row ? (
        <fieldset className="seat-list-seats" disabled={disabled}>
          <legend>
            Seats in row {row.label}
            {catalog.sections.length > 1 ? `, ${section.label}` : ''}
          </legend>
          <ul>
            {seats.map((i) => {
              const status = store.loaded ? (store.statuses[i] ?? 0) : 0;
              const mine = selected.includes(i);
              const c = category(catalog.categoryKeys[catalog.categoryOf[i]!] ?? '');
              const taken = !mine && status !== FREE;
              return (
                <li key={catalog.ids[i]}>
                  <label className="seat-list-seat" data-taken={taken || undefined}>
                    <input type="checkbox" checked={mine} disabled={taken} onChange={() => onToggle(i)} />
                    <span
                      className="swatch"
                      style={{ background: taken ? '#dedde8' : c.color }}
                      aria-hidden="true"
                    />
                    <span className="seat-list-name">
                      Seat {prepared.seatLabels[i]}
                      {catalog.accessible[i] ? ', wheelchair space' : ''}
                    </span>
                    <span className="seat-list-meta">
                      {taken ? STATUS_TEXT[status as 1 | 2 | 3] : `${c.label} · ${priceText(c.price)}`}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : (
        <p className="muted">This section has no seats to choose.</p>
      )}
    </div>
  );
}
