import type { Bounds } from './viewport.ts';

/**
 * A uniform grid over the seats, stored as compressed rows (cell → first item, items sorted by
 * cell), so finding the seat under the pointer or the seats in view touches a few cells instead of
 * 80,000 seats, and no seat needs a DOM node.
 */
export type HitGrid = {
  minX: number;
  minY: number;
  cell: number;
  cols: number;
  rows: number;
  /** Items of cell c are items[starts[c] … starts[c + 1]). */
  starts: Uint32Array;
  items: Uint32Array;
};

/** `xy` holds x,y pairs; `cell` is the cell size in plan units (a couple of seat pitches works well). */
export function buildHitGrid(xy: Float32Array, cell: number): HitGrid {
  const n = xy.length / 2;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xy[i * 2]!;
    const y = xy[i * 2 + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (n === 0) {
    minX = minY = 0;
    maxX = maxY = 0;
  }
  const size = Math.max(cell, 1e-6);
  // Cap the number of cells: a huge plan with a tiny pitch must not allocate millions of them.
  const cols = Math.min(2048, Math.floor((maxX - minX) / size) + 1);
  const rows = Math.min(2048, Math.floor((maxY - minY) / size) + 1);
  const cellX = Math.max(size, (maxX - minX) / cols + 1e-9);
  const cellY = Math.max(size, (maxY - minY) / rows + 1e-9);
  const s = Math.max(cellX, cellY);
  const cellOf = new Uint32Array(n);
  const counts = new Uint32Array(cols * rows + 1);
  for (let i = 0; i < n; i++) {
    const cx = Math.min(cols - 1, Math.floor((xy[i * 2]! - minX) / s));
    const cy = Math.min(rows - 1, Math.floor((xy[i * 2 + 1]! - minY) / s));
    const c = cy * cols + cx;
    cellOf[i] = c;
    counts[c + 1]!++;
  }
  for (let c = 1; c < counts.length; c++) counts[c]! += counts[c - 1]!;
  const starts = counts.slice();
  const cursor = counts.slice(0, cols * rows);
  const items = new Uint32Array(n);
  for (let i = 0; i < n; i++) items[cursor[cellOf[i]!]!++] = i;
  return { minX, minY, cell: s, cols, rows, starts, items };
}

/** The nearest item within `maxDistance` of (x, y), or -1. */
export function nearestInGrid(
  grid: HitGrid,
  xy: Float32Array,
  x: number,
  y: number,
  maxDistance: number,
): number {
  const reach = Math.ceil(maxDistance / grid.cell);
  const cx = Math.floor((x - grid.minX) / grid.cell);
  const cy = Math.floor((y - grid.minY) / grid.cell);
  let best = -1;
  let bestD = maxDistance * maxDistance;
  for (let gy = Math.max(0, cy - reach); gy <= Math.min(grid.rows - 1, cy + reach); gy++) {
    for (let gx = Math.max(0, cx - reach); gx <= Math.min(grid.cols - 1, cx + reach); gx++) {
      const c = gy * grid.cols + gx;
      for (let k = grid.starts[c]!; k < grid.starts[c + 1]!; k++) {
        const i = grid.items[k]!;
        const dx = xy[i * 2]! - x;
        const dy = xy[i * 2 + 1]! - y;
        const d = dx * dx + dy * dy;
        if (d <= bestD) {
          bestD = d;
          best = i;
        }
      }
    }
  }
  return best;
}

/** Calls `visit` for every item in the cells that overlap `b` (a superset of the items inside it). */
export function forEachInBounds(grid: HitGrid, b: Bounds, visit: (i: number) => void) {
  const x0 = Math.max(0, Math.floor((b.minX - grid.minX) / grid.cell));
  const y0 = Math.max(0, Math.floor((b.minY - grid.minY) / grid.cell));
  const x1 = Math.min(grid.cols - 1, Math.floor((b.maxX - grid.minX) / grid.cell));
  const y1 = Math.min(grid.rows - 1, Math.floor((b.maxY - grid.minY) / grid.cell));
  if (x0 > x1 || y0 > y1) return;
  for (let gy = y0; gy <= y1; gy++) {
    // Cells of one grid row are contiguous in `items`: one range per row.
    const from = grid.starts[gy * grid.cols + x0]!;
    const to = grid.starts[gy * grid.cols + x1 + 1]!;
    for (let k = from; k < to; k++) visit(grid.items[k]!);
  }
}
