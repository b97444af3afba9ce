/** A response schema for `{ items: T[] }` built from an item schema (zod's own `.array()`). */
export function itemsOf<T>(item: { array(): { parse(data: unknown): T[] } }) {
  const list = item.array();
  return { parse: (data: unknown) => ({ items: list.parse((data as { items?: unknown })?.items) }) };
}
