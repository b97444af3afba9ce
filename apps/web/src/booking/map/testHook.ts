/**
 * What the map exposes to browser tests (and to curious developers in the console): where a seat
 * is on screen, what status it has, and how long the first paint took. Read-only but for zoomTo.
 */
export type SeatMapTestHook = {
  ready: boolean;
  seats: number;
  /** Milliseconds from the start of the plan download to the first drawn frame. */
  firstPaintMs: number | null;
  mode: () => 'sections' | 'seats';
  /** The seat's centre in viewport (client) coordinates, or null when it is not on the stage. */
  point: (seatId: string) => { x: number; y: number } | null;
  /** 0 free, 1 held, 2 sold, 3 blocked; null for an unknown id or before the first snapshot. */
  status: (seatId: string) => number | null;
  /** Free seat ids in plan order (up to `limit`), for tests that need seats to pick. */
  freeSeats: (limit: number) => string[];
  selected: () => string[];
  /** Centres the seat and zooms in until seats are drawn. */
  zoomTo: (seatId: string) => void;
};

declare global {
  interface Window {
    __seatmap?: SeatMapTestHook;
  }
}
