import { Link } from 'react-router';
import { searchHref, withFilters } from './searchFilters.ts';

/** Pages around the current one, with the first and last always reachable: 1 … 4 5 6 … 12. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (typeof last === 'number' && p - last > 1) out.push(p - last === 2 ? last + 1 : null);
    out.push(p);
  }
  return out;
}

export function Pager({ params, page, pages }: { params: URLSearchParams; page: number; pages: number }) {
  if (pages <= 1) return null;
  const to = (p: number) => searchHref(withFilters(params, { page: String(p) }));
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 ? (
        <Link className="btn btn-sm" to={to(page - 1)}>
          Previous
        </Link>
      ) : null}
      <ol className="pager-pages">
        {pageWindow(page, pages).map((p, i) =>
          p === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a gap has no identity but its place
            <li key={`gap-${i}`} aria-hidden="true" className="pager-gap">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                className="btn btn-sm btn-ghost"
                to={to(p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={`Page ${p}`}
              >
                {p}
              </Link>
            </li>
          ),
        )}
      </ol>
      <span className="pager-status muted">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link className="btn btn-sm" to={to(page + 1)}>
          Next
        </Link>
      ) : null}
    </nav>
  );
}
