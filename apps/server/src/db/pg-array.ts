/** A PostgreSQL array literal for text/uuid arrays, passed as one parameter (works on pg and PGlite). */
export function toPgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/**
 * A text[] column as strings: node-postgres parses it, PGlite hands some paths back as the
 * literal. Our values (seat and uuid ids) never contain commas or quotes.
 */
export function fromPgArray(value: string[] | string | null): string[] {
  if (Array.isArray(value)) return value;
  if (!value || value === '{}') return [];
  return value
    .slice(1, -1)
    .split(',')
    .map((v) => v.replace(/^"|"$/g, ''));
}
