/** What a click on a free seat did to the selection. */
export type ToggleResult =
  | { kind: 'added'; selected: string[] }
  | { kind: 'removed'; selected: string[] }
  /** One ticket wanted: the click moved the selection to the new seat. */
  | { kind: 'moved'; selected: string[]; from: string }
  /** As many seats as tickets are chosen: nothing changed. */
  | { kind: 'full'; selected: string[] };

/** Pick or unpick a seat, up to `quantity` seats. */
export function toggleSeat(selected: readonly string[], id: string, quantity: number): ToggleResult {
  if (selected.includes(id)) return { kind: 'removed', selected: selected.filter((s) => s !== id) };
  if (selected.length < quantity) return { kind: 'added', selected: [...selected, id] };
  if (quantity === 1 && selected.length === 1) return { kind: 'moved', selected: [id], from: selected[0]! };
  return { kind: 'full', selected: [...selected] };
}

/** Fewer tickets than chosen seats: keep the first ones picked. */
export const trimSelection = (selected: readonly string[], quantity: number) =>
  selected.slice(0, Math.max(0, quantity));

/** Seats that are no longer free for us leave the selection; returns what stays and what went. */
export function dropUnavailable(
  selected: readonly string[],
  isFree: (id: string) => boolean,
): { kept: string[]; dropped: string[] } {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const id of selected) (isFree(id) ? kept : dropped).push(id);
  return { kept, dropped };
}

/** The `seatIds` member of a SEATS_UNAVAILABLE problem: the seats someone else just took. */
export const seatIdsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
