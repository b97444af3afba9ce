/**
 * One pass over a parsed SVG: collects seats, sections, GA areas, category definitions and the focal
 * point, and at the same time reduces the tree to the sanitized background (seats removed; the app
 * draws them itself).
 */
import { type ChildNode, type Element, Text } from 'domhandler';
import { type Category, isHexColour, type Point, type Polygon } from './plan.ts';
import { IDENTITY, length, type Matrix, multiply, parseTransform } from './svg-geometry.ts';
import {
  ALLOWED_ELEMENTS,
  containsScriptUrl,
  type RemovalLog,
  sanitizeAttributes,
  TEXT_ELEMENTS,
} from './svg-sanitize.ts';
import { centreOf, outlineOf } from './svg-shapes.ts';

export class SvgImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SvgImportError';
  }
}

export interface RawSeat {
  id: string;
  x: number;
  y: number;
  section: string;
  row: string;
  category: string;
  label?: string;
  accessible?: boolean;
  companion?: boolean;
  restrictedView?: boolean;
  breakBefore?: boolean;
}

export interface RawSection {
  id: string;
  label: string;
  polygon?: Polygon;
}

export interface RawGaArea {
  id: string;
  label: string;
  polygon: Polygon;
  capacity: number;
  category: string;
}

interface Inherited {
  matrix: Matrix;
  section?: string;
  row?: string;
  category?: string;
}

export const MAX_DEPTH = 128;
const KEY = /^[A-Za-z0-9_.:-]{1,64}$/;
const CATEGORY_KEY = /^[A-Za-z0-9_-]{1,40}$/;
const TRUE = new Set(['', 'true', '1', 'yes']);

function quoted(value: string): string {
  return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
}

function key(value: string, what: string): string {
  const v = value.trim();
  if (!KEY.test(v)) {
    throw new SvgImportError(
      `${what} ${quoted(v)} may only use letters, digits and - _ . : (at most 64 characters)`,
    );
  }
  return v;
}

function text(value: string | undefined, max: number): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v.slice(0, max);
}

export class SvgWalker {
  readonly seats: RawSeat[] = [];
  readonly sections = new Map<string, RawSection>();
  readonly gaAreas: RawGaArea[] = [];
  readonly categories: Category[] = [];
  focalPoint: Point | undefined;
  private readonly seatIds = new Set<string>();

  constructor(
    private readonly log: RemovalLog,
    private readonly classRules: ReadonlyMap<string, string>,
    private readonly maxSeats: number,
    private readonly warn: (message: string) => void,
  ) {}

  /** Sanitized children of `parent`; records what it finds on the way. */
  walk(parent: Element, inherited: Inherited, depth: number): ChildNode[] {
    if (depth > MAX_DEPTH) throw new SvgImportError(`elements are nested more than ${MAX_DEPTH} levels deep`);
    const kept: ChildNode[] = [];
    const textAllowed = TEXT_ELEMENTS.has(parent.name);
    for (const child of parent.children) {
      if (child.type === 'text' || child.type === 'cdata') {
        const data =
          child.type === 'text'
            ? child.data
            : child.children.map((c) => ('data' in c ? c.data : '')).join('');
        if (!textAllowed) {
          if (child.type === 'cdata' && data.trim() !== '') this.log.add('CDATA sections');
        } else if (containsScriptUrl(data)) this.log.add('text containing script URLs');
        else kept.push(child.type === 'text' ? child : new Text(data));
        continue;
      }
      if (child.type === 'directive') this.log.add('processing instructions');
      if (child.type !== 'tag' && child.type !== 'script' && child.type !== 'style') continue;
      const element = this.element(child, inherited, depth);
      if (element) kept.push(element);
    }
    return kept;
  }

  private element(el: Element, inherited: Inherited, depth: number): Element | null {
    if (el.name === 'style') return null; // its class rules were inlined beforehand
    if (el.name === 'a') el.name = 'g'; // keep the drawing, lose the link
    if (!ALLOWED_ELEMENTS.has(el.name)) {
      this.log.add(`<${el.name.replace(/[^\w:-]/g, '').slice(0, 30)}> elements`);
      return null;
    }
    const a = el.attribs;
    let own = parseTransform(a.transform);
    if (own === null) {
      this.warn(`ignored a transform the importer cannot read: ${quoted(a.transform ?? '')}`);
      own = IDENTITY;
    }
    if (el.name === 'svg') own = multiply(own, [1, 0, 0, 1, length(a.x, 0) || 0, length(a.y, 0) || 0]);
    const matrix = multiply(inherited.matrix, own);

    if (a['data-seat-id'] !== undefined) {
      this.seat(el, inherited, matrix);
      return null;
    }
    const context: Inherited = {
      matrix,
      section: a['data-section-id'] ?? a['data-section'] ?? inherited.section,
      row: a['data-row'] ?? inherited.row,
      category: a['data-category'] ?? inherited.category,
    };
    if (a['data-section-id'] !== undefined) this.section(el, matrix);
    if (a['data-ga-id'] !== undefined) this.gaArea(el, matrix, context.category);
    if (a['data-category-key'] !== undefined) this.categoryDefinition(el);
    if (a['data-focal-point'] !== undefined && this.focalPoint === undefined) {
      this.focalPoint = centreOf(el, matrix) ?? undefined;
    }

    const attribs = sanitizeAttributes(a, this.classRules, this.log);
    if (own === IDENTITY) delete attribs.transform;
    el.attribs = attribs;
    el.children = this.walk(el, context, depth + 1);
    // Row and section groups are often empty once their seats are gone; they draw nothing.
    return el.name === 'g' && el.children.length === 0 ? null : el;
  }

  private seat(el: Element, inherited: Inherited, matrix: Matrix): void {
    const a = el.attribs;
    const id = key(a['data-seat-id'] ?? '', 'seat id');
    if (this.seatIds.has(id)) throw new SvgImportError(`seat id '${id}' is used by more than one seat`);
    this.seatIds.add(id);
    if (this.seats.length >= this.maxSeats) {
      throw new SvgImportError(
        `the SVG has more than ${this.maxSeats.toLocaleString('en')} seats, the limit`,
      );
    }
    const centre = centreOf(el, matrix);
    if (centre === null) {
      throw new SvgImportError(
        `seat '${id}': cannot find its position (use a circle, ellipse, rect, use or path)`,
      );
    }
    const category = (a['data-category'] ?? inherited.category ?? '').trim();
    if (category !== '' && !CATEGORY_KEY.test(category)) {
      throw new SvgImportError(
        `seat '${id}': category ${quoted(category)} may only use letters, digits, - and _`,
      );
    }
    const sectionValue = a['data-section'] ?? inherited.section;
    const seat: RawSeat = {
      id,
      x: centre.x,
      y: centre.y,
      section: sectionValue === undefined ? '' : key(sectionValue, 'section id'),
      row: text(a['data-row'] ?? inherited.row, 32) ?? '',
      category,
    };
    const label = text(a['data-label'], 32);
    if (label !== undefined) seat.label = label;
    if (TRUE.has(a['data-accessible'] ?? 'no')) seat.accessible = true;
    if (TRUE.has(a['data-companion'] ?? 'no')) seat.companion = true;
    if (TRUE.has(a['data-restricted-view'] ?? 'no')) seat.restrictedView = true;
    if (TRUE.has(a['data-break-before'] ?? 'no')) seat.breakBefore = true;
    this.seats.push(seat);
  }

  private section(el: Element, matrix: Matrix): void {
    const id = key(el.attribs['data-section-id'] ?? '', 'section id');
    if (this.sections.has(id))
      throw new SvgImportError(`section id '${id}' is used by more than one element`);
    const section: RawSection = { id, label: text(el.attribs['data-label'], 100) ?? id };
    const polygon = outlineOf(el, matrix);
    if (polygon) section.polygon = polygon;
    this.sections.set(id, section);
  }

  private gaArea(el: Element, matrix: Matrix, category: string | undefined): void {
    const a = el.attribs;
    const id = key(a['data-ga-id'] ?? '', 'general admission area id');
    const capacity = Number(a['data-capacity']);
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 1_000_000) {
      throw new SvgImportError(
        `general admission area '${id}' needs data-capacity, a whole number from 1 to 1,000,000`,
      );
    }
    const polygon = outlineOf(el, matrix);
    if (!polygon)
      throw new SvgImportError(
        `general admission area '${id}' must be a polygon, path, rect, circle or ellipse`,
      );
    const cat = (category ?? '').trim();
    if (!CATEGORY_KEY.test(cat))
      throw new SvgImportError(`general admission area '${id}' needs a data-category`);
    this.gaAreas.push({ id, label: text(a['data-label'], 100) ?? id, polygon, capacity, category: cat });
  }

  private categoryDefinition(el: Element): void {
    const a = el.attribs;
    const k = (a['data-category-key'] ?? '').trim();
    if (!CATEGORY_KEY.test(k))
      throw new SvgImportError(`category key ${quoted(k)} may only use letters, digits, - and _`);
    if (this.categories.some((c) => c.key === k)) return;
    const color = a['data-category-color'];
    if (color !== undefined && !isHexColour(color))
      this.warn(`category '${k}': colour ${quoted(color)} is not a hex colour`);
    this.categories.push({
      key: k,
      label: text(a['data-category-label'], 100) ?? k,
      color: isHexColour(color) ? color : '',
    });
  }
}
