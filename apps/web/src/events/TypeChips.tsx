import { Link } from 'react-router';
import { useEventTypes } from '../api/useEventTypes.ts';
import { GridIcon } from '../ui/icons.tsx';
import { featuredTypes, iconForType } from './eventTypes.tsx';

/**
 * One chip per active event type, from the API (the four seeded types show at once while it loads).
 * `hrefFor(null)` is the "All" chip, shown when `current` is given.
 */
export function TypeChips({
  label,
  hrefFor,
  current,
  onDark,
}: {
  label: string;
  hrefFor: (type: string | null) => string;
  current?: string;
  onDark?: boolean;
}) {
  const types = useEventTypes();
  const list = types.data ?? featuredTypes;
  const chip = `chip${onDark ? ' chip-on-dark' : ''}`;
  return (
    <nav className={onDark ? 'hero-types' : 'chip-row'} aria-label={label}>
      {current !== undefined ? (
        <Link className={chip} to={hrefFor(null)} aria-current={current ? undefined : 'true'}>
          <GridIcon />
          All
        </Link>
      ) : null}
      {list.map(({ key, label }) => {
        const Icon = iconForType(key);
        return (
          <Link
            key={key}
            className={chip}
            to={hrefFor(key)}
            aria-current={current === key ? 'true' : undefined}
          >
            <Icon />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
