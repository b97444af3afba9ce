/**
 * The stored spec of a procedural layout and its validation. Positions in the spec (aisles, gaps,
 * missing seats, wheelchair spaces) count seats from the left of the plan as drawn, screen at the top,
 * whatever the numbering direction.
 */
import { type Category, isHexColour } from './plan.ts';
import { type RowLabelScheme, rowLabels, validateRowLabelScheme } from './row-labels.ts';

export interface ProceduralCategory extends Category {
  /** Inclusive row range by label, front to back: `['A', 'F']`. */
  rows: [string, string];
}

export interface GapSpec {
  row: string;
  from: number;
  to: number;
}

export interface MissingSeatSpec {
  row: string;
  seat: number;
}

export interface WheelchairSpec {
  row: string;
  seats: number[];
}

export interface ProceduralSpec {
  rows: number;
  seatsPerRow: number;
  /** An aisle after each of these seat positions. */
  aisles: number[];
  /** Positions `from`…`to` of a row hold no seats (pillars, shorter rows). */
  gaps?: GapSpec[];
  missing?: MissingSeatSpec[];
  /** Wheelchair spaces; the seats beside them (not across an aisle) become companion seats. */
  wheelchair?: WheelchairSpec[];
  rowLabels: RowLabelScheme;
  numbering: 'left-to-right' | 'right-to-left';
  categories: ProceduralCategory[];
  screenAt?: 'top';
}

export const PROCEDURAL_LIMITS = {
  rows: 100,
  seatsPerRow: 150,
  categories: 50,
  gaps: 1_000,
  missing: 15_000,
  wheelchair: 1_000,
} as const;

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function listOf(problems: string[], value: unknown, name: string, max: number): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${name} must be a list`);
    return [];
  }
  if (value.length > max) {
    problems.push(`${name} can have at most ${max} entries`);
    return [];
  }
  return value;
}

function plural(items: string[], one: string, many: string): string {
  return items.length === 1 ? `${one} ${items[0]}` : `${many} ${items.join(', ')}`;
}

/** Problems with a spec, as sentences for the admin form (empty = valid). Safe on untrusted JSON. */
export function validateProceduralSpec(spec: ProceduralSpec): string[] {
  const problems: string[] = [];
  if (typeof spec !== 'object' || spec === null) return ['the layout spec must be an object'];
  const rowsOk = isInt(spec.rows, 1, PROCEDURAL_LIMITS.rows);
  if (!rowsOk) problems.push(`rows must be between 1 and ${PROCEDURAL_LIMITS.rows}`);
  const seatsOk = isInt(spec.seatsPerRow, 1, PROCEDURAL_LIMITS.seatsPerRow);
  if (!seatsOk) problems.push(`seats per row must be between 1 and ${PROCEDURAL_LIMITS.seatsPerRow}`);
  if (spec.numbering !== 'left-to-right' && spec.numbering !== 'right-to-left') {
    problems.push("numbering must be 'left-to-right' or 'right-to-left'");
  }
  if (spec.screenAt !== undefined && spec.screenAt !== 'top') problems.push("screenAt must be 'top'");
  const schemeProblems =
    typeof spec.rowLabels === 'object' && spec.rowLabels !== null
      ? validateRowLabelScheme(spec.rowLabels)
      : ['row labels must be given'];
  problems.push(...schemeProblems);

  const seats = seatsOk ? spec.seatsPerRow : PROCEDURAL_LIMITS.seatsPerRow;
  const seatOk = (n: unknown): boolean => isInt(n, 1, seats);
  const seatRange = seatsOk ? ` (seats 1–${seats})` : '';

  const aisles = listOf(problems, spec.aisles ?? [], 'aisles', PROCEDURAL_LIMITS.seatsPerRow);
  const seenAisles = new Set<unknown>();
  for (const a of aisles) {
    if (!isInt(a, 1, seats - 1))
      problems.push(`an aisle after seat ${String(a)} is not inside the row${seatRange}`);
    else if (seenAisles.has(a)) problems.push(`the aisle after seat ${a} is listed twice`);
    seenAisles.add(a);
  }

  const labels = rowsOk && schemeProblems.length === 0 ? rowLabels(spec.rowLabels, spec.rows) : null;
  const rowIndex = new Map(labels?.map((label, i) => [label, i]));
  const rowRange = labels ? ` (rows ${labels[0]}–${labels[labels.length - 1]})` : '';
  const knownRow = (row: unknown, where: string): boolean => {
    if (labels === null) return false;
    if (typeof row === 'string' && rowIndex.has(row)) return true;
    problems.push(`${where}: row '${String(row)}' does not exist${rowRange}`);
    return false;
  };

  const holes = new Set<string>(); // row#seat positions without a seat
  for (const g of listOf(problems, spec.gaps, 'gaps', PROCEDURAL_LIMITS.gaps) as GapSpec[]) {
    if (!knownRow(g?.row, 'gap')) continue;
    if (!seatOk(g.from) || !seatOk(g.to))
      problems.push(`gap in row ${g.row}: seats must be inside the row${seatRange}`);
    else if (g.from > g.to) problems.push(`gap in row ${g.row}: seat range ${g.from}–${g.to} is reversed`);
    else for (let n = g.from; n <= g.to; n++) holes.add(`${g.row}#${n}`);
  }
  for (const m of listOf(
    problems,
    spec.missing,
    'missing seats',
    PROCEDURAL_LIMITS.missing,
  ) as MissingSeatSpec[]) {
    if (!knownRow(m?.row, 'missing seat')) continue;
    if (seatOk(m.seat)) holes.add(`${m.row}#${m.seat}`);
    else problems.push(`missing seat ${String(m.seat)} in row ${m.row} is not inside the row${seatRange}`);
  }
  const wheelchair = listOf(problems, spec.wheelchair, 'wheelchair spaces', PROCEDURAL_LIMITS.wheelchair);
  for (const w of wheelchair as WheelchairSpec[]) {
    if (!knownRow(w?.row, 'wheelchair space')) continue;
    const list = Array.isArray(w.seats) && w.seats.length <= seats ? w.seats : [];
    if (list.length === 0 || !list.every(seatOk)) {
      problems.push(`wheelchair spaces in row ${w.row} must be a list of seats inside the row${seatRange}`);
    } else {
      const noSeat = list.filter((n) => holes.has(`${w.row}#${n}`));
      if (noSeat.length > 0) {
        problems.push(
          `wheelchair space ${noSeat.join(', ')} in row ${w.row} has no seat (missing or in a gap)`,
        );
      }
    }
  }

  validateCategories(problems, spec.categories, labels, rowIndex, knownRow);
  return problems;
}

function validateCategories(
  problems: string[],
  value: unknown,
  labels: string[] | null,
  rowIndex: Map<string, number>,
  knownRow: (row: unknown, where: string) => boolean,
): void {
  const before = problems.length;
  const categories = listOf(
    problems,
    value,
    'categories',
    PROCEDURAL_LIMITS.categories,
  ) as ProceduralCategory[];
  if (Array.isArray(value) && value.length === 0) problems.push('at least one category is needed');
  const keys = new Set<string>();
  const owner: (string | undefined)[] = labels ? labels.map(() => undefined) : [];
  const overlaps = new Set<string>();
  for (const c of categories) {
    const key = typeof c?.key === 'string' ? c.key : '';
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(key)) {
      problems.push(`category key '${key}' must be 1–40 letters, digits, '-' or '_'`);
      continue;
    }
    if (keys.has(key)) problems.push(`category '${key}' is defined twice`);
    keys.add(key);
    if (typeof c.label !== 'string' || c.label.trim() === '' || c.label.length > 100) {
      problems.push(`category '${key}' needs a label of at most 100 characters`);
    }
    if (!isHexColour(c.color)) problems.push(`category '${key}' colour must be a hex colour like #1e88e5`);
    if (!Array.isArray(c.rows) || c.rows.length !== 2) {
      problems.push(`category '${key}' needs a row range [from, to]`);
      continue;
    }
    const [from, to] = c.rows;
    if (!knownRow(from, `category '${key}'`) || !knownRow(to, `category '${key}'`)) continue;
    const a = rowIndex.get(from) ?? 0;
    const b = rowIndex.get(to) ?? 0;
    if (a > b) {
      problems.push(`category '${key}' row range ${from}–${to} is reversed`);
      continue;
    }
    for (let r = a; r <= b; r++) {
      const previous = owner[r];
      if (previous !== undefined && previous !== key)
        overlaps.add(`row ${labels?.[r]} is in both '${previous}' and '${key}'`);
      else owner[r] = key;
    }
  }
  problems.push(...overlaps);
  if (labels && categories.length > 0 && problems.length === before) {
    const uncovered = labels.filter((_, r) => owner[r] === undefined);
    if (uncovered.length > 0) {
      problems.push(
        `every row needs a category: ${plural(uncovered, 'row', 'rows')} ${uncovered.length === 1 ? 'has' : 'have'} none`,
      );
    }
  }
}
