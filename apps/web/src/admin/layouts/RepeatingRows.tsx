import type { CSSProperties, ReactNode } from 'react';
import { CloseIcon } from '../../ui/icons.tsx';

export type Column<T> = {
  field: keyof T & string;
  label: string;
  type?: 'text' | 'color';
  placeholder?: string;
  /** Width in the row grid, e.g. '5rem' or '1fr'. */
  width?: string;
  inputMode?: 'numeric' | 'text';
};

/**
 * A small table of editable rows (gaps, missing seats, categories…). Each input is labelled
 * "<item> <n> <column>" so screen readers and tests can tell the rows apart.
 */
export function RepeatingRows<T extends Record<string, string>>({
  legend,
  hint,
  item,
  columns,
  rows,
  onChange,
  newRow,
  addLabel,
}: {
  legend: string;
  hint?: ReactNode;
  item: string;
  columns: Column<T>[];
  rows: T[];
  onChange: (rows: T[]) => void;
  newRow: () => T;
  addLabel: string;
}) {
  // Column widths go to CSS as a variable, so phones can stack the cells instead.
  const grid = { '--columns': `${columns.map((c) => c.width ?? '1fr').join(' ')} 2.25rem` } as CSSProperties;
  const update = (i: number, field: keyof T, value: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  return (
    <fieldset className="admin-fieldset repeating">
      <legend>{legend}</legend>
      {hint ? <p className="fieldset-hint">{hint}</p> : null}
      {rows.length > 0 ? (
        <div className={columns.length > 3 ? 'repeating-rows is-wide' : 'repeating-rows'}>
          <div className="repeating-head" aria-hidden="true" style={grid}>
            {columns.map((c) => (
              <span key={c.field}>{c.label}</span>
            ))}
          </div>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; position is what the labels say
            <div key={i} className="repeating-row" style={grid}>
              {columns.map((c) => (
                <label key={c.field} className="repeating-cell">
                  <span className="repeating-cell-label">{c.label}</span>
                  <input
                    className={c.type === 'color' ? 'input color-input' : 'input'}
                    type={c.type ?? 'text'}
                    aria-label={`${item} ${i + 1} ${c.label.toLowerCase()}`}
                    value={row[c.field]}
                    placeholder={c.placeholder}
                    inputMode={c.inputMode}
                    spellCheck={false}
                    onChange={(e) => update(i, c.field, e.target.value)}
                  />
                </label>
              ))}
              <button
                type="button"
                className="btn btn-ghost btn-sm repeating-remove"
                aria-label={`Remove ${item.toLowerCase()} ${i + 1}`}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                <CloseIcon size={16} />
              </button>
            </div>
          ))}
        </div>
      ) : null}
      <div>
        <button type="button" className="btn btn-sm" onClick={() => onChange([...rows, newRow()])}>
          {addLabel}
        </button>
      </div>
    </fieldset>
  );
}
