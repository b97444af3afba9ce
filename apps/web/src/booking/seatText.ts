import type { SeatInfo } from '../seatmap/seatCatalog.ts';

/** "Section 101 · Row 5 · Seat 7", or "Row F · Seat 7" in a one-section room. */
export function seatName(seat: Pick<SeatInfo, 'section' | 'row' | 'label'>, oneSection: boolean): string {
  const row = seat.row ? `Row ${seat.row} · ` : '';
  return `${oneSection ? '' : `${seat.section} · `}${row}Seat ${seat.label}`;
}

export const STATUS_TEXT = ['Available', 'Held by someone else', 'Sold', 'Not for sale'] as const;

/** "1 seat", "3 seats". */
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;
