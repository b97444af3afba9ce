import { type FormEvent, useId, useMemo, useState } from 'react';
import type { SeatStatusStore } from '../api/booking/seatStatusStore.ts';
import { useStatusVersion } from '../api/booking/useSeatStream.ts';
import { FREE } from '../seatmap/seatStatus.ts';
import type { MapModel } from './map/mapModel.ts';
import { type CategoryInfo, priceText } from './prices.ts';

type Props = {
  model: MapModel;
  store: SeatStatusStore;
  category: (key: string) => CategoryInfo;
  quantity: number;
  busy: boolean;
  disabled: boolean;
  onSubmit: (category: string, sectionId: string | null) => void;
};

/** "Best available": the server picks adjacent seats nearest the stage in a category (and section). */
export function BestAvailableForm({ model, store, category, quantity, busy, disabled, onSubmit }: Props) {
  const version = useStatusVersion(store);
  const { catalog } = model;
  const id = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: counts change with the live version
  const free = useMemo(() => {
    const counts = new Uint32Array(catalog.categoryKeys.length);
    for (let i = 0; i < catalog.count; i++)
      if (!store.loaded || store.statuses[i] === FREE) counts[catalog.categoryOf[i]!]!++;
    return counts;
  }, [version, catalog, store]);
  const options = catalog.categoryKeys
    .map((key, k) => ({ key, free: free[k] ?? 0 }))
    .filter((o) => model.prepared.legend.some((e) => e.key === o.key && e.seats > 0));
  const [choice, setChoice] = useState(
    () => options.find((o) => o.free >= quantity)?.key ?? options[0]?.key ?? '',
  );
  const [sectionId, setSectionId] = useState('');
  // Sections that have seats of each category, for the optional section choice.
  const sectionsOf = useMemo(() => {
    const map = new Map<string, Set<number>>();
    catalog.sections.forEach((s, k) => {
      for (let i = s.start; i < s.end; i++) {
        const key = catalog.categoryKeys[catalog.categoryOf[i]!]!;
        const set = map.get(key) ?? new Set<number>();
        set.add(k);
        map.set(key, set);
      }
    });
    return map;
  }, [catalog]);
  const sections = catalog.sections.filter((_, k) => sectionsOf.get(choice)?.has(k));
  if (options.length === 0) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (choice) onSubmit(choice, sectionId || null);
  };

  return (
    <form className="best-available" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Best available</h3>
      <p className="field-hint">
        We pick {quantity === 1 ? 'the best seat' : `${quantity} seats together`}, as close to the{' '}
        {model.plan.kind === 'procedural' ? 'screen' : 'stage'} as we can.
      </p>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-category`}>
          Category
        </label>
        <select
          id={`${id}-category`}
          className="input"
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value);
            setSectionId('');
          }}
        >
          {options.map((o) => {
            const c = category(o.key);
            return (
              <option key={o.key} value={o.key} disabled={o.free < quantity}>
                {c.label} — {priceText(c.price)}
                {o.free < quantity ? ' (not enough left)' : ''}
              </option>
            );
          })}
        </select>
      </div>
      {catalog.sections.length > 1 ? (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-section`}>
            Section
          </label>
          <select
            id={`${id}-section`}
            className="input"
            value={sectionId}
            onChange={(e) => setSectionId(e.target.value)}
          >
            <option value="">Any section</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="btn btn-block" disabled={busy || disabled || !choice}>
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        Find {quantity === 1 ? 'the best seat' : `the best ${quantity} seats`}
      </button>
    </form>
  );
}
