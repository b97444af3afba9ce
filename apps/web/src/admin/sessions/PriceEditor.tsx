import { type FormEvent, useEffect, useId, useState } from 'react';
import { type PriceInput, useSetPrices } from '../../api/admin/useSetPrices.ts';
import { describeError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { Field } from '../../ui/Field.tsx';
import { centsToUnits, unitsToCents } from './prices.ts';

export type PricedCategory = { key: string; label: string; color: string; places: number };

const CURRENCIES = ['EUR', 'GBP', 'USD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CAD', 'AUD'];

/**
 * One price per seating category of the layout, in one currency, typed in units and sent as cents.
 * `missing` marks the categories the last publish attempt found without a price.
 */
export function PriceEditor({
  sessionId,
  published,
  categories,
  prices,
  missing,
  onDirtyChange,
}: {
  sessionId: string;
  published: boolean;
  categories: PricedCategory[];
  prices: PriceInput[];
  missing: string[];
  onDirtyChange: (dirty: boolean) => void;
}) {
  const setPrices = useSetPrices(sessionId);
  const currencies = useId();
  const initialCurrency = prices[0]?.currency ?? 'EUR';
  const savedCents = new Map(prices.map((p) => [p.categoryKey, p.amountCents]));
  const [currency, setCurrency] = useState(initialCurrency);
  const [amounts, setAmounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(prices.map((p) => [p.categoryKey, centsToUnits(p.amountCents)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  // Compared as cents, so "12" and the saved "12.00" are the same price.
  const dirty =
    currency.trim().toUpperCase() !== initialCurrency ||
    categories.some((c) => {
      const text = (amounts[c.key] ?? '').trim();
      return (text === '' ? undefined : unitsToCents(text)) !== savedCents.get(c.key);
    });
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const next: Record<string, string> = {};
    const code = currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) next.currency = 'A 3-letter ISO 4217 code such as EUR';
    const list: PriceInput[] = [];
    for (const c of categories) {
      const text = amounts[c.key] ?? '';
      if (text.trim() === '') {
        if (published) next[c.key] = 'A published session needs every price';
        continue;
      }
      const cents = unitsToCents(text);
      if (cents === null) next[c.key] = 'An amount such as 12.50';
      else list.push({ categoryKey: c.key, amountCents: cents, currency: code });
    }
    if (list.length === 0 && !next.currency) next.form = 'Enter at least one price';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setPrices.mutate(list, { onSuccess: () => setSaved(true) });
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-label="Prices">
      <div className="admin-price-currency">
        <Field
          label="Currency"
          name="currency"
          list={currencies}
          maxLength={3}
          autoCapitalize="characters"
          spellCheck={false}
          value={currency}
          onChange={(e) => setCurrency(e.target.value.toUpperCase())}
          error={errors.currency}
          hint="One currency for all prices of this session."
        />
        <datalist id={currencies}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </div>
      <ul className="admin-price-list">
        {categories.map((c) => {
          const error =
            errors[c.key] ?? (missing.includes(c.key) ? 'Needs a price before publishing' : undefined);
          return (
            <li key={c.key} className="admin-price-row">
              <span className="plan-swatch" style={{ background: c.color }} aria-hidden="true" />
              <span className="admin-price-category">
                <strong>{c.label}</strong>
                <span className="muted">
                  {c.places.toLocaleString()} places · <span className="key">{c.key}</span>
                </span>
              </span>
              <div className="admin-price-input">
                <Field
                  label={`Price for ${c.label}`}
                  name={`price-${c.key}`}
                  inputMode="decimal"
                  placeholder="0.00"
                  value={amounts[c.key] ?? ''}
                  onChange={(e) => setAmounts((a) => ({ ...a, [c.key]: e.target.value }))}
                  error={error}
                />
              </div>
            </li>
          );
        })}
      </ul>
      <div className="form-status" aria-live="polite">
        {errors.form ? <ErrorAlert>{errors.form}</ErrorAlert> : null}
        {setPrices.isError ? <ErrorAlert>{describeError(setPrices.error)}</ErrorAlert> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={setPrices.isPending}>
          {setPrices.isPending ? <span className="spinner" aria-hidden="true" /> : null}
          Save prices
        </button>
        <span className="muted" role="status">
          {dirty ? 'Unsaved changes' : saved ? 'Prices saved' : ''}
        </span>
      </div>
    </form>
  );
}
