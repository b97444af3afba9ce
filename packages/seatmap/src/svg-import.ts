/**
 * Import of an uploaded SVG venue drawing into a plan.
 *
 * Markup the importer reads (all optional except data-seat-id):
 * - seats: any shape with `data-seat-id`; `data-row`, `data-section`, `data-category` on the seat or
 *   inherited from the nearest ancestor that has them; `data-label`, `data-accessible`,
 *   `data-companion`, `data-restricted-view`, `data-break-before` on the seat. The position is the
 *   centre of the circle/ellipse/rect, the `x,y` of a `use`, the box centre of a polygon/path, or
 *   that of a group's first shape, through every `transform` on the way (matrix, translate, scale,
 *   rotate, skewX, skewY).
 * - sections: `data-section-id` (+ `data-label`) on a polygon, path, rect, circle or ellipse (its
 *   outline becomes the section polygon) or on a group (no polygon); seats inside inherit it.
 * - general admission: `data-ga-id`, `data-capacity`, `data-category`, `data-label` on a shape.
 * - categories: `data-category-key`, `data-category-label`, `data-category-color` on any element
 *   (a legend); keys used without a definition get their key as label and a palette colour.
 * - the focal point: the centre of the first element with `data-focal-point` (else the middle).
 * Plan coordinates are the SVG user units shifted so the viewBox starts at 0,0.
 */
import render from 'dom-serializer';
import { type ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { paletteColour } from './palette.ts';
import type { Category, Plan, Point, Section } from './plan.ts';
import { IDENTITY, length } from './svg-geometry.ts';
import { buildRows } from './svg-rows.ts';
import { parseClassRules, RemovalLog, sanitizeAttributes } from './svg-sanitize.ts';
import { type RawSeat, SvgImportError, SvgWalker } from './svg-walk.ts';

export { SvgImportError } from './svg-walk.ts';

export interface SvgImportOptions {
  /** Largest accepted file, in UTF-8 bytes (default 10 MiB). */
  maxBytes?: number;
  maxSeats?: number;
  /** Largest number of elements, checked before parsing (default 2 × maxSeats + 50,000). */
  maxElements?: number;
}

export interface SectionWithoutCategory {
  sectionId: string;
  label: string;
  /** Seats of the section that have no category yet. */
  seats: number;
}

export interface SvgImportResult {
  plan: Plan;
  warnings: string[];
  /** Sections whose seats need a category: map them with applySectionCategories. */
  sectionsWithoutCategory: SectionWithoutCategory[];
}

const MIB = 1024 * 1024;
const DEFAULT_SECTION = 'main';

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

const mib = (bytes: number): string => `${(bytes / MIB).toFixed(1).replace(/\.0$/, '')} MiB`;
const round = (v: number): number => Math.round(v * 100) / 100;

function parseViewBox(value: string | undefined): [number, number, number, number] | null {
  const n = (value ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (n.length !== 4 || !n.every(Number.isFinite) || !((n[2] ?? 0) > 0) || !((n[3] ?? 0) > 0)) return null;
  return n as [number, number, number, number];
}

/** Parses, sanitizes and converts an SVG drawing; throws SvgImportError with a message for the admin. */
export function importSvgPlan(svgText: string, options: SvgImportOptions = {}): SvgImportResult {
  const maxBytes = options.maxBytes ?? 10 * MIB;
  const maxSeats = options.maxSeats ?? 100_000;
  const maxElements = options.maxElements ?? maxSeats * 2 + 50_000;
  if (typeof svgText !== 'string' || svgText.trim() === '') throw new SvgImportError('the file is empty');
  const bytes = svgText.length > maxBytes ? svgText.length : utf8Length(svgText);
  if (bytes > maxBytes)
    throw new SvgImportError(`the file is ${mib(bytes)}, over the ${mib(maxBytes)} limit`);
  if (countOf(svgText, '<') > maxElements) {
    throw new SvgImportError(
      `the file has more than ${maxElements.toLocaleString('en')} elements, the limit`,
    );
  }

  const document = parseDocument(svgText, { xmlMode: true });
  const log = new RemovalLog();
  const warnings: string[] = [];
  let root: Element | undefined;
  for (const node of document.children) {
    if (node.type === 'directive') {
      if (node.name.toLowerCase() === '?xml') continue; // the XML declaration itself is harmless
      log.add(
        /^!doctype|^!entity/i.test(node.name) ? 'DOCTYPE and entity declarations' : 'processing instructions',
      );
    } else if (node.type === 'tag' && root === undefined) root = node;
  }
  if (!root) throw new SvgImportError('the file is not an SVG: it has no root element');
  if (root.name !== 'svg')
    throw new SvgImportError(`the file is not an SVG: its root element is <${root.name.slice(0, 30)}>`);

  const viewBox = parseViewBox(root.attribs.viewBox);
  const classRules = parseClassRules(styleTexts(root), log);
  const rootAttribs = sanitizeAttributes(root.attribs, classRules, log);
  const walker = new SvgWalker(log, classRules, maxSeats, (w) => warnings.push(w));
  const children = walker.walk(root, { matrix: IDENTITY }, 0);
  if (walker.seats.length === 0) {
    throw new SvgImportError('the SVG has no seats: mark every seat with a data-seat-id attribute');
  }

  let [minX, minY, width, height] = viewBox ?? [0, 0, Number.NaN, Number.NaN];
  if (!viewBox) {
    width = length(root.attribs.width);
    height = length(root.attribs.height);
    if (!(width > 0 && height > 0)) {
      [minX, minY, width, height] = seatBounds(walker.seats);
      warnings.push('the SVG has no viewBox or size: the plan is sized to fit its seats');
    }
  }

  const shift = (p: Point): Point => ({ x: round(p.x - minX), y: round(p.y - minY) });
  const shiftPolygon = (polygon: [number, number][]): [number, number][] =>
    polygon.map(([x, y]) => [round(x - minX), round(y - minY)]);
  for (const seat of walker.seats) {
    seat.x -= minX;
    seat.y -= minY;
  }

  let focalPoint = walker.focalPoint;
  if (!focalPoint) {
    warnings.push('no element has data-focal-point: the centre of the drawing is used as the focal point');
    focalPoint = { x: minX + width / 2, y: minY + height / 2 };
  }

  const sections = buildSections(walker);
  for (const section of sections) if (section.polygon) section.polygon = shiftPolygon(section.polygon);
  const plan: Plan = {
    version: 1,
    kind: 'svg',
    width: round(width),
    height: round(height),
    categories: completeCategories(walker.categories, walker.seats, walker.gaAreas),
    sections,
    gaAreas: walker.gaAreas.map((area) => ({ ...area, polygon: shiftPolygon(area.polygon) })),
    background: background(rootAttribs, children, minX, minY, width, height),
    focalPoint: shift(focalPoint),
  };
  return { plan, warnings: [...log.messages(), ...warnings], sectionsWithoutCategory: uncategorized(plan) };
}

function styleTexts(root: Element): string[] {
  const texts: string[] = [];
  const stack: ChildNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || (node.type !== 'tag' && node.type !== 'style')) continue;
    if (node.name === 'style') {
      texts.push(
        node.children
          .map((c) =>
            c.type === 'text'
              ? c.data
              : c.type === 'cdata'
                ? c.children.map((t) => ('data' in t ? t.data : '')).join('')
                : '',
          )
          .join(''),
      );
    } else stack.push(...node.children);
  }
  return texts;
}

function seatBounds(seats: RawSeat[]): [number, number, number, number] {
  const margin = 20;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const { x, y } of seats) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX - margin, minY - margin, maxX - minX + 2 * margin, maxY - minY + 2 * margin];
}

function buildSections(walker: SvgWalker): Section[] {
  const bySection = new Map<string, RawSeat[]>();
  for (const raw of walker.sections.values()) bySection.set(raw.id, []);
  for (const seat of walker.seats) {
    const id = seat.section || DEFAULT_SECTION;
    const list = bySection.get(id);
    if (list) list.push(seat);
    else bySection.set(id, [seat]);
  }
  const sections: Section[] = [];
  for (const [id, seats] of bySection) {
    const raw = walker.sections.get(id);
    const section: Section = {
      id,
      label: raw?.label ?? (id === DEFAULT_SECTION ? 'Main' : id),
      rows: buildRows(seats),
    };
    if (raw?.polygon) section.polygon = raw.polygon;
    sections.push(section);
  }
  return sections;
}

function completeCategories(
  defined: Category[],
  seats: RawSeat[],
  areas: { category: string }[],
): Category[] {
  const categories = defined.map((c, i) => ({ ...c, color: c.color || paletteColour(i) }));
  const known = new Set(categories.map((c) => c.key));
  for (const { category } of [...seats, ...areas]) {
    if (category === '' || known.has(category)) continue;
    known.add(category);
    categories.push({ key: category, label: category, color: paletteColour(categories.length) });
  }
  return categories;
}

function uncategorized(plan: Plan): SectionWithoutCategory[] {
  const out: SectionWithoutCategory[] = [];
  for (const section of plan.sections) {
    let seats = 0;
    for (const row of section.rows) for (const seat of row.seats) if (seat.category === '') seats++;
    if (seats > 0) out.push({ sectionId: section.id, label: section.label, seats });
  }
  return out;
}

function background(
  rootAttribs: Record<string, string>,
  children: ChildNode[],
  minX: number,
  minY: number,
  w: number,
  h: number,
): string {
  const attribs: Record<string, string> = {};
  for (const [name, value] of Object.entries(rootAttribs)) {
    if (!['width', 'height', 'viewBox', 'x', 'y', 'transform', 'preserveAspectRatio'].includes(name))
      attribs[name] = value;
  }
  const W = round(w);
  const H = round(h);
  Object.assign(attribs, {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${W} ${H}`,
    width: `${W}`,
    height: `${H}`,
  });
  const content =
    minX === 0 && minY === 0
      ? children
      : [new Element('g', { transform: `translate(${round(-minX)} ${round(-minY)})` }, children)];
  return render(new Element('svg', attribs, content), { xmlMode: true });
}
