import type { Plan } from '@ticketing/seatmap';
import { buildHitGrid, type HitGrid } from '../../seatmap/hitGrid.ts';
import { type PreparedPlan, preparePlan, UNKNOWN_CATEGORY_COLOUR } from '../../seatmap/prepare.ts';
import { buildSeatCatalog, type SeatCatalog } from '../../seatmap/seatCatalog.ts';

/** Venues with more seats than this open on their sections; smaller ones show every seat at once. */
const SECTIONS_FIRST_FROM = 2500;

/** A plan made ready for the buyer's map once: drawing arrays, seat catalog, hit-test grid. */
export type MapModel = {
  plan: Plan;
  prepared: PreparedPlan;
  catalog: SeatCatalog;
  grid: HitGrid;
  /** Colour per catalog category index. */
  colours: string[];
  /** Sections first, seats when zoomed in (semantic zoom). */
  sectionsFirst: boolean;
};

export function buildMapModel(plan: Plan): MapModel {
  const started = performance.now();
  const prepared = preparePlan(plan);
  const catalog = buildSeatCatalog(plan);
  // seatRadius is 0.4 of the seat pitch: cells of two pitches hold a handful of seats each.
  const grid = buildHitGrid(prepared.seatXY, prepared.seatRadius * 5);
  const colourOf = new Map(plan.categories.map((c) => [c.key, c.color]));
  performance.measure('seatmap:prepare', { start: started, end: performance.now() });
  return {
    plan,
    prepared,
    catalog,
    grid,
    colours: catalog.categoryKeys.map((k) => colourOf.get(k) ?? UNKNOWN_CATEGORY_COLOUR),
    sectionsFirst: catalog.count > SECTIONS_FIRST_FROM && catalog.sections.some((s) => s.polygon),
  };
}
