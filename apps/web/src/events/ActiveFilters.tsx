import { Link } from 'react-router';
import { CloseIcon } from '../ui/icons.tsx';
import { type FilterKey, type SearchFilters, searchHref, withFilters } from './searchFilters.ts';

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const formatDay = (iso: string) => day.format(new Date(`${iso}T00:00:00`));

/** The filters in force, each removable: on a phone this is all one sees of the closed filter panel. */
export function ActiveFilters({
  params,
  filters,
  typeLabel,
  formatPrice,
}: {
  params: URLSearchParams;
  filters: SearchFilters;
  typeLabel?: string;
  formatPrice: (units: string) => string;
}) {
  const active: { label: string; clears: FilterKey[] }[] = [];
  if (filters.type) active.push({ label: typeLabel ?? filters.type, clears: ['type'] });
  if (filters.city) active.push({ label: filters.city, clears: ['city'] });
  if (filters.from || filters.to) {
    const label =
      filters.from && filters.to
        ? filters.from === filters.to
          ? formatDay(filters.from)
          : `${formatDay(filters.from)} – ${formatDay(filters.to)}`
        : filters.from
          ? `From ${formatDay(filters.from)}`
          : `Until ${formatDay(filters.to)}`;
    active.push({ label, clears: ['from', 'to'] });
  }
  if (filters.min || filters.max) {
    const label =
      filters.min && filters.max
        ? `${formatPrice(filters.min)} – ${formatPrice(filters.max)}`
        : filters.min
          ? `From ${formatPrice(filters.min)}`
          : `Up to ${formatPrice(filters.max)}`;
    active.push({ label, clears: ['min', 'max'] });
  }
  if (active.length === 0) return null;

  const without = (keys: FilterKey[]) =>
    searchHref(withFilters(params, Object.fromEntries(keys.map((k) => [k, '']))));

  return (
    <ul className="active-filters" aria-label="Active filters">
      {active.map((f) => (
        <li key={f.clears[0]}>
          <Link
            className="chip chip-sm chip-removable"
            to={without(f.clears)}
            preventScrollReset
            aria-label={`Remove filter: ${f.label}`}
          >
            {f.label}
            <CloseIcon />
          </Link>
        </li>
      ))}
      {active.length > 1 ? (
        <li>
          <Link className="btn btn-ghost btn-sm" to={without(['type', 'city', 'from', 'to', 'min', 'max'])}>
            Clear all
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
