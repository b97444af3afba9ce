import { useId } from 'react';
import { Form } from 'react-router';
import { SearchIcon } from '../ui/icons.tsx';

/**
 * A plain GET form to /events, so search works with the keyboard, the back button and shared links.
 * `keep` carries the other filters along, so a new search text does not drop the city or dates.
 */
export function SearchForm({
  defaultValue,
  keep = [],
  large,
}: {
  defaultValue?: string;
  keep?: [string, string][];
  large?: boolean;
}) {
  const id = useId();
  return (
    <Form method="get" action="/events" role="search" className="search-form">
      <label htmlFor={id} className="visually-hidden">
        Search events
      </label>
      <div className="input-wrap">
        <SearchIcon />
        <input
          id={id}
          className="input"
          type="search"
          name="q"
          defaultValue={defaultValue}
          placeholder="Film, artist, team or venue"
          maxLength={100}
          autoComplete="off"
          enterKeyHint="search"
        />
      </div>
      {keep.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`btn btn-primary${large ? ' btn-lg' : ''}`}>
        Search
      </button>
    </Form>
  );
}
