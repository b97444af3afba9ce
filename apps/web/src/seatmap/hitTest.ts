import type { MapTarget } from './drawBooking.ts';
import { type HitGrid, nearestInGrid } from './hitGrid.ts';
import type { PreparedPlan } from './prepare.ts';
import { pointInPolygon, type SeatCatalog } from './seatCatalog.ts';
import { toPlan, type Viewport } from './viewport.ts';

/** A pointer this close to a seat (in CSS pixels) still means that seat, even on tiny seats. */
const MIN_REACH_PX = 7;

/**
 * What is under the screen point (sx, sy): a section when zoomed out, otherwise the nearest seat
 * within reach, else a standing area. Pure, so it is tested without a canvas.
 */
export function hitTestMap(
  p: PreparedPlan,
  catalog: SeatCatalog,
  grid: HitGrid,
  v: Viewport,
  sx: number,
  sy: number,
  overview: boolean,
  /** Fingers are less precise than a mouse: touch passes a larger reach. */
  minReachPx = MIN_REACH_PX,
): MapTarget | null {
  const { x, y } = toPlan(v, sx, sy);
  if (overview) {
    for (let k = 0; k < catalog.sections.length; k++) {
      const s = catalog.sections[k]!;
      const b = s.bounds;
      if (!s.polygon || x < b.minX || x > b.maxX || y < b.minY || y > b.maxY) continue;
      if (pointInPolygon(s.polygon, x, y)) return { kind: 'section', index: k };
    }
  } else {
    const r = p.seatRadius;
    const reach = Math.min(Math.max(r * 1.25, minReachPx / v.k), r * 2.5);
    const i = nearestInGrid(grid, p.seatXY, x, y, reach);
    if (i >= 0) return { kind: 'seat', index: i };
  }
  for (const area of p.plan.gaAreas) {
    if (pointInPolygon(area.polygon, x, y)) return { kind: 'ga', id: area.id };
  }
  return null;
}
