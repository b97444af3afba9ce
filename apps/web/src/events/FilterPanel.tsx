import { type InputHTMLAttributes, useId, useState } from 'react';
import { datePresets } from './datePresets.ts';
import type { FilterKey, SearchFilters } from './searchFilters.ts';

type Change = Partial<Record<FilterKey, string>>;

/**
 * City, dates and price. Dates apply as soon as one is picked; typed fields (city, prices) apply on
 * Enter or when focus leaves them, so each keystroke is not a search and a history entry.
 */
export function FilterPanel({
  id,
  filters,
  cities,
  currencySymbol,
  onChange,
}: {
  id: string;
  filters: SearchFilters;
  cities: string[];
  currencySymbol: string;
  onChange: (change: Change) => void;
}) {
  const uid = useId();
  const today = datePresets()[0]!.from;
  return (
    <div id={id} className="filter-fields">
      <div className="field">
        <label className="field-label" htmlFor={`${uid}-city`}>
          City
        </label>
        <CommitInput
          id={`${uid}-city`}
          type="search"
          value={filters.city}
          onCommit={(city) =>
            // "lisbon" becomes "Lisbon" when that city is known, so the heading and chip read right.
            onChange({ city: cities.find((c) => c.toLowerCase() === city.toLowerCase()) ?? city })
          }
          list={`${uid}-cities`}
          placeholder="Any city"
          autoComplete="off"
          maxLength={100}
        />
        <datalist id={`${uid}-cities`}>
          {cities.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>

      <fieldset className="filter-group">
        <legend className="field-label">Dates</legend>
        <div className="preset-row">
          {datePresets().map((p) => {
            const on = filters.from === p.from && filters.to === p.to;
            return (
              <button
                key={p.label}
                type="button"
                className="chip chip-sm"
                aria-pressed={on}
                onClick={() => onChange(on ? { from: '', to: '' } : { from: p.from, to: p.to })}
              >
                {p.label}
              </button>
            );
          })}
        </div>
        <div className="filter-pair filter-pair-dates">
          <div className="field">
            <label className="field-label-sm" htmlFor={`${uid}-from`}>
              From
            </label>
            <input
              id={`${uid}-from`}
              className="input"
              type="date"
              min={today}
              value={filters.from}
              onChange={(e) => isWholeDate(e.target.value) && onChange({ from: e.target.value })}
            />
          </div>
          <div className="field">
            <label className="field-label-sm" htmlFor={`${uid}-to`}>
              To
            </label>
            <input
              id={`${uid}-to`}
              className="input"
              type="date"
              min={filters.from || today}
              value={filters.to}
              onChange={(e) => isWholeDate(e.target.value) && onChange({ to: e.target.value })}
            />
          </div>
        </div>
      </fieldset>

      <fieldset className="filter-group">
        <legend className="field-label">Price per ticket</legend>
        <div className="filter-pair">
          <PriceInput
            label={`Min (${currencySymbol})`}
            value={filters.min}
            onCommit={(min) => onChange({ min })}
          />
          <PriceInput
            label={`Max (${currencySymbol})`}
            value={filters.max}
            onCommit={(max) => onChange({ max })}
          />
        </div>
      </fieldset>
    </div>
  );
}

// While a year is being typed the input already reports "0002-12-05"; wait for a real one.
const isWholeDate = (v: string) => v === '' || /^[12]\d{3}-\d{2}-\d{2}$/.test(v);

function PriceInput({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string;
  onCommit: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label-sm" htmlFor={id}>
        {label}
      </label>
      <CommitInput
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        value={value}
        onCommit={(v) => onCommit(Number(v) >= 0 ? v : '')}
        placeholder="Any"
      />
    </div>
  );
}

/** An input that reports its value on Enter or blur, and follows `value` when the URL changes it. */
function CommitInput({
  value,
  onCommit,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The URL moved (a chip removed, back button): show what it says now.
    setSeen(value);
    setDraft(value);
  }
  const commit = () => {
    const v = draft.trim();
    if (v !== value) onCommit(v);
  };
  return (
    <input
      {...input}
      className="input"
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        // Picking a suggestion from the list, or clearing with the ×, is a choice already made.
        const kind = (e.nativeEvent as InputEvent).inputType;
        if (!kind || kind === 'insertReplacementText') {
          if (e.target.value.trim() !== value) onCommit(e.target.value.trim());
        }
      }}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}
