/**
 * Live seat status as the API sends it: one character per seat in plan order ('0' free, '1' held,
 * '2' sold, '3' blocked), then deltas of `{s, ids}`. Kept as one byte per seat so an 80,000-seat
 * stadium is an 80 kB array that the renderer reads directly.
 */
export const FREE = 0;
export const HELD = 1;
export const SOLD = 2;
export const BLOCKED = 3;
export type SeatStatus = typeof FREE | typeof HELD | typeof SOLD | typeof BLOCKED;

/** '0'…'3' to 0…3; anything else (and seats the string is too short for) counts as blocked. */
export function decodeStatuses(codes: string, count: number, into = new Uint8Array(count)): Uint8Array {
  const n = Math.min(codes.length, count);
  for (let i = 0; i < n; i++) {
    const c = codes.charCodeAt(i) - 48;
    into[i] = c >= 0 && c <= 3 ? c : BLOCKED;
  }
  into.fill(BLOCKED, n, count);
  return into;
}

export type StreamDelta = { kind: 'seats'; status: SeatStatus; ids: string[] } | { kind: 'ga' };

/** A `delta` event's data, or null when it is not one we understand (ignored, never fatal). */
export function parseDelta(raw: string): StreamDelta | null {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const d = data as { s?: unknown; ids?: unknown; ga?: unknown };
  if (d.ga !== undefined) return { kind: 'ga' };
  const status = Number(d.s);
  if (!Array.isArray(d.ids) || !(status >= 0 && status <= 3) || !Number.isInteger(status)) return null;
  return { kind: 'seats', status: status as SeatStatus, ids: d.ids.filter((id) => typeof id === 'string') };
}

/** Applies a seat delta in place; returns the plan indices that changed. Unknown ids are skipped. */
export function applySeatDelta(
  statuses: Uint8Array,
  indexOf: ReadonlyMap<string, number>,
  status: SeatStatus,
  ids: readonly string[],
): number[] {
  const changed: number[] = [];
  for (const id of ids) {
    const i = indexOf.get(id);
    if (i === undefined || statuses[i] === status) continue;
    statuses[i] = status;
    changed.push(i);
  }
  return changed;
}

/** Screen colours of unavailable seats; free seats keep their category colour. */
export const STATUS_COLOURS = {
  held: '#b9b7c9',
  sold: '#dedde8',
  selected: '#16141f',
  taken: '#b4232f',
} as const;
