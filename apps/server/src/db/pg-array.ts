/** A PostgreSQL array literal for text/uuid arrays, passed as one parameter (works on pg and PGlite). */
export function toPgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}
