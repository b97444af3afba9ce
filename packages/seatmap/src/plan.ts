/**
 * The one versioned seat-plan format, shared by procedural (cinema) and SVG (stadium, hall) layouts.
 * Coordinates are in plan units with the origin at the top-left; `width`/`height` bound the drawing.
 */

export interface Point {
  x: number;
  y: number;
}

/** Closed polygon as `[x, y]` pairs; the last point joins the first. */
export type Polygon = [number, number][];

export interface Category {
  key: string;
  label: string;
  /** Hex colour (`#rgb`, `#rrggbb` or `#rrggbbaa`). */
  color: string;
}

export interface Seat {
  /** Stable identifier, never derived from the label: renaming a row keeps sold tickets valid. */
  id: string;
  label: string;
  x: number;
  y: number;
  category: string;
  accessible?: boolean;
  companion?: boolean;
  restrictedView?: boolean;
  /** The seat is not adjacent to the one before it in the row (aisle, gap, missing seat). */
  breakBefore?: boolean;
}

export interface Row {
  label: string;
  /** In physical order along the row. */
  seats: Seat[];
}

export interface Section {
  id: string;
  label: string;
  polygon?: Polygon;
  /** Overrides the plan focal point for seats of this section (best available). */
  focalPoint?: Point;
  rows: Row[];
}

export interface GaArea {
  id: string;
  label: string;
  polygon: Polygon;
  capacity: number;
  category: string;
}

export interface Plan {
  version: 1;
  kind: 'procedural' | 'svg';
  width: number;
  height: number;
  categories: Category[];
  sections: Section[];
  gaAreas: GaArea[];
  /** Sanitized SVG markup drawn under the seats (svg plans only). */
  background?: string;
  /** Stage, screen or pitch centre. */
  focalPoint: Point;
}

export interface SeatLocation {
  section: Section;
  row: Row;
  seat: Seat;
  indexInRow: number;
}

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

export function isHexColour(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOUR.test(value);
}

/** Every seat of the plan, section by section, row by row, in row order. */
export function planSeats(plan: Plan): Seat[] {
  const out: Seat[] = [];
  for (const section of plan.sections) {
    for (const row of section.rows) {
      for (const seat of row.seats) out.push(seat);
    }
  }
  return out;
}

/** Seats plus general-admission places: the number of tickets a session of this plan can sell. */
export function planCapacity(plan: Plan): number {
  let total = 0;
  for (const section of plan.sections) {
    for (const row of section.rows) total += row.seats.length;
  }
  for (const area of plan.gaAreas) total += area.capacity;
  return total;
}

/** Category keys that some seat or GA area uses, in the order of `plan.categories`, unknown keys last. */
export function categoriesInUse(plan: Plan): string[] {
  const used = new Set<string>();
  for (const seat of planSeats(plan)) used.add(seat.category);
  for (const area of plan.gaAreas) used.add(area.category);
  const ordered = plan.categories.map((c) => c.key).filter((key) => used.has(key));
  const known = new Set(ordered);
  return [...ordered, ...[...used].filter((key) => !known.has(key)).sort()];
}

/** Seat id → where it sits. Duplicate ids keep the first occurrence (validatePlan reports them). */
export function seatIndex(plan: Plan): Map<string, SeatLocation> {
  const index = new Map<string, SeatLocation>();
  for (const section of plan.sections) {
    for (const row of section.rows) {
      row.seats.forEach((seat, indexInRow) => {
        if (!index.has(seat.id)) index.set(seat.id, { section, row, seat, indexInRow });
      });
    }
  }
  return index;
}

const MAX_EXAMPLES = 5;

function examples(ids: string[]): string {
  const shown = ids.slice(0, MAX_EXAMPLES).join(', ');
  return ids.length > MAX_EXAMPLES ? `${shown} and ${ids.length - MAX_EXAMPLES} more` : shown;
}

function finitePoint(p: unknown): boolean {
  if (Array.isArray(p)) return p.length === 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
  const q = p as Point | undefined;
  return q !== undefined && q !== null && Number.isFinite(q.x) && Number.isFinite(q.y);
}

function checkPolygon(problems: string[], what: string, polygon: Polygon | undefined): void {
  if (polygon === undefined) return;
  if (!Array.isArray(polygon) || polygon.length < 3) {
    problems.push(`${what} polygon needs at least 3 points`);
  } else if (!polygon.every(finitePoint)) {
    problems.push(`${what} polygon has coordinates that are not finite numbers`);
  }
}

/**
 * Problems that make a plan unusable for a session, as sentences for an admin. Empty means valid.
 * Checks structure that types cannot guarantee for stored or uploaded JSON.
 */
export function validatePlan(plan: Plan): string[] {
  const problems: string[] = [];
  if (plan.version !== 1) problems.push(`unsupported plan version ${String(plan.version)}; expected 1`);
  if (
    !(plan.width > 0 && Number.isFinite(plan.width)) ||
    !(plan.height > 0 && Number.isFinite(plan.height))
  ) {
    problems.push('width and height must be positive finite numbers');
  }
  if (!finitePoint(plan.focalPoint)) problems.push('focal point must have finite x and y');

  const categoryKeys = new Set<string>();
  for (const category of plan.categories) {
    if (categoryKeys.has(category.key)) problems.push(`category '${category.key}' is defined twice`);
    categoryKeys.add(category.key);
    if (!isHexColour(category.color)) {
      problems.push(`category '${category.key}' colour must be a hex colour like #1e88e5`);
    }
  }

  const sectionIds = new Set<string>();
  const seatIds = new Set<string>();
  const duplicates: string[] = [];
  const unknownCategory = new Map<string, string[]>();
  const badCoordinates: string[] = [];
  let seatCount = 0;
  for (const section of plan.sections) {
    if (sectionIds.has(section.id)) problems.push(`section id '${section.id}' is used twice`);
    sectionIds.add(section.id);
    checkPolygon(problems, `section '${section.id}'`, section.polygon);
    if (section.focalPoint !== undefined && !finitePoint(section.focalPoint)) {
      problems.push(`section '${section.id}' focal point must have finite x and y`);
    }
    for (const row of section.rows) {
      for (const seat of row.seats) {
        seatCount++;
        if (seatIds.has(seat.id)) duplicates.push(seat.id);
        seatIds.add(seat.id);
        if (!categoryKeys.has(seat.category)) {
          const list = unknownCategory.get(seat.category) ?? [];
          list.push(seat.id);
          unknownCategory.set(seat.category, list);
        }
        if (!Number.isFinite(seat.x) || !Number.isFinite(seat.y)) badCoordinates.push(seat.id);
      }
    }
  }

  const areaIds = new Set<string>();
  for (const area of plan.gaAreas) {
    if (areaIds.has(area.id)) problems.push(`general admission area id '${area.id}' is used twice`);
    areaIds.add(area.id);
    if (!Number.isInteger(area.capacity) || area.capacity < 1) {
      problems.push(`general admission area '${area.id}' capacity must be a whole number of at least 1`);
    }
    if (!categoryKeys.has(area.category)) {
      problems.push(`general admission area '${area.id}' has unknown category '${area.category}'`);
    }
    checkPolygon(problems, `general admission area '${area.id}'`, area.polygon);
  }

  if (seatCount === 0 && plan.gaAreas.length === 0)
    problems.push('the plan is empty: it has no seats and no general admission areas');
  if (duplicates.length > 0) problems.push(`duplicate seat ids: ${examples([...new Set(duplicates)])}`);
  for (const [key, ids] of unknownCategory) {
    const name = key === '' ? 'no category' : `unknown category '${key}'`;
    problems.push(`${ids.length} seat${ids.length === 1 ? ' has' : 's have'} ${name} (${examples(ids)})`);
  }
  if (badCoordinates.length > 0) {
    problems.push(`seat coordinates must be finite numbers: ${examples(badCoordinates)}`);
  }
  return problems;
}
