import type { SvgSection } from './readSvg.ts';

/** One category select per section whose seats carry no data-category of their own. */
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
  return (
    <fieldset className="admin-fieldset">
      <legend>Sections → categories</legend>
      <p className="fieldset-hint">Seats without a data-category take the category of their section.</p>
      <div className="admin-table-wrap">
        <table className="admin-table section-table">
          <caption className="visually-hidden">Sections found in the drawing</caption>
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
            {sections.map((s) => (
              <tr key={s.id}>
                <td>
                  <strong>{s.label}</strong> <span className="key">{s.id}</span>
                </td>
                <td className="num">{s.seats.toLocaleString()}</td>
                <td>
                  {s.needCategory === 0 ? (
                    <span className="muted">From the drawing</span>
                  ) : (
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
                  )}
                  {s.needCategory > 0 && s.needCategory < s.seats ? (
                    <span className="muted cell-note">{s.needCategory} seats without their own</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
