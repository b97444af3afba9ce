import type { SvgSection } from './readSvg.ts';

/**
 * One category select per section whose seats carry no data-category of their own; sections fully
 * categorised in the drawing are listed folded away (the server never overrides a seat's own category).
 */
export function SectionMapping({
  sections,
  categories,
  mapping,
  onChange,
}: {
  sections: SvgSection[];
  categories: { key: string; label: string; color: string }[];
  mapping: Record<string, string>;
  onChange: (sectionId: string, key: string) => void;
}) {
  const toMap = sections.filter((s) => s.needCategory > 0);
  const own = sections.filter((s) => s.needCategory === 0);
  return (
    <fieldset className="admin-fieldset">
      <legend>Sections → categories</legend>
      <p className="fieldset-hint">
        {toMap.length > 0
          ? 'Seats without a data-category take the category of their section.'
          : 'Every seat has its own data-category: there is nothing to map.'}
      </p>
      {toMap.length > 0 ? (
        <div className="admin-table-wrap">
          <table className="admin-table section-table">
            <caption className="visually-hidden">Sections that need a category</caption>
            <thead>
              <tr>
                <th scope="col">Section</th>
                <th scope="col" className="num">
                  Seats
                </th>
                <th scope="col">Category</th>
              </tr>
            </thead>
            <tbody>
              {toMap.map((s) => (
                <tr key={s.id}>
                  <td>
                    <strong>{s.label}</strong> <span className="key">{s.id}</span>
                  </td>
                  <td className="num">{s.seats.toLocaleString()}</td>
                  <td>
                    <select
                      className="input select"
                      aria-label={`Category for ${s.label}`}
                      value={mapping[s.id] ?? ''}
                      onChange={(e) => onChange(s.id, e.target.value)}
                    >
                      {categories.map((c) => (
                        <option key={c.key} value={c.key}>
                          {c.label || c.key}
                        </option>
                      ))}
                    </select>
                    {s.needCategory < s.seats ? (
                      <span className="muted cell-note">{s.needCategory} seats without their own</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {own.length > 0 ? (
        <details className="own-sections">
          <summary>
            {own.length} {own.length === 1 ? 'section takes its' : 'sections take their'} categories from the
            drawing
          </summary>
          <ul>
            {own.map((s) => (
              <li key={s.id}>
                {s.label} <span className="key">{s.id}</span> · {s.seats.toLocaleString()} seats
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </fieldset>
  );
}
