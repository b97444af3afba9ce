/**
 * @ticketing/seatmap: the seat-plan format and its pure logic, shared by server and browser.
 * Plans come from a procedural spec (generateProceduralPlan) or an uploaded SVG (importSvgPlan);
 * best available and the no-orphan rule work on a plan prepared once (prepareBestAvailable).
 */
export type { BestAvailableRequest, BestAvailableResult } from './best-available.ts';
export { findBestAvailable, pickBestAvailable, prepareBestAvailable } from './best-available.ts';
export { demoCinema, demoCinemaSpec } from './demo/cinema.ts';
export { demoConcertHall } from './demo/concert-hall.ts';
export { DEMO_STADIUM_CATEGORIES, demoStadiumSvg } from './demo/stadium-svg.ts';
export type { OrphanRuleCheck } from './orphans.ts';
export { checkOrphanRule, leavesOrphan, wouldCreateOrphans } from './orphans.ts';
export { paletteColour } from './palette.ts';
export type { Category, GaArea, Plan, Point, Polygon, Row, Seat, SeatLocation, Section } from './plan.ts';
export { categoriesInUse, isHexColour, planCapacity, planSeats, seatIndex, validatePlan } from './plan.ts';
export type { PreparedPlan } from './prepared-plan.ts';
export { preparePlan } from './prepared-plan.ts';
export { generateProceduralPlan, ProceduralSpecError } from './procedural.ts';
export type {
  GapSpec,
  MissingSeatSpec,
  ProceduralCategory,
  ProceduralSpec,
  WheelchairSpec,
} from './procedural-spec.ts';
export { PROCEDURAL_LIMITS, validateProceduralSpec } from './procedural-spec.ts';
export type { RowLabelScheme } from './row-labels.ts';
export { DEFAULT_SKIPPED_LETTERS, rowLabels, validateRowLabelScheme } from './row-labels.ts';
export { applySectionCategories } from './section-categories.ts';
export type { SectionWithoutCategory, SvgImportOptions, SvgImportResult } from './svg-import.ts';
export { importSvgPlan, SvgImportError } from './svg-import.ts';
