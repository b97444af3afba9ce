import type { Plan, Polygon } from '@ticketing/seatmap';
import type { Bounds } from './viewport.ts';

export type CatalogRow = { label: string; section: number; start: number; end: number };
export type CatalogSection = {
  id: string;
  label: string;
  /** Seats [start, end) and rows [rowStart, rowEnd) in plan order. */
  start: number;
  end: number;
  rowStart: number;
  rowEnd: number;
  polygon: Polygon | undefined;
  /** The polygon's bounds, or the seats' when there is no polygon. */
  bounds: Bounds;
  /** The category most of its seats are in: the colour of the section when zoomed out. */
  category: string;
};

/**
 * Who each seat is, by its index in plan order (the order of the availability string): id,
 * row, section and category, so the renderer, the tooltip and the list work on plain indices.
 */
export type SeatCatalog = {
  count: number;
  ids: string[];
  indexOf: Map<string, number>;
  rowOf: Uint32Array;
  categoryOf: Uint16Array;
  categoryKeys: string[];
  /** 1 for a wheelchair space. */
  accessible: Uint8Array;
  rows: CatalogRow[];
  sections: CatalogSection[];
};

const emptyBounds = (): Bounds => ({ minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity });

function grow(b: Bounds, x: number, y: number) {
  if (x < b.minX) b.minX = x;
  if (y < b.minY) b.minY = y;
  if (x > b.maxX) b.maxX = x;
  if (y > b.maxY) b.maxY = y;
}

export function buildSeatCatalog(plan: Plan): SeatCatalog {
  let count = 0;
  for (const section of plan.sections) for (const row of section.rows) count += row.seats.length;
  const ids: string[] = new Array(count);
  const indexOf = new Map<string, number>();
  const rowOf = new Uint32Array(count);
  const categoryOf = new Uint16Array(count);
  const accessible = new Uint8Array(count);
  const categoryKeys = plan.categories.map((c) => c.key);
  const categoryIndex = new Map(categoryKeys.map((k, i) => [k, i]));
  const rows: CatalogRow[] = [];
  const sections: CatalogSection[] = [];
  let i = 0;
  for (const section of plan.sections) {
    const start = i;
    const rowStart = rows.length;
    const seatBounds = emptyBounds();
    const perCategory = new Map<string, number>();
    for (const row of section.rows) {
      const r = rows.length;
      rows.push({ label: row.label, section: sections.length, start: i, end: i + row.seats.length });
      for (const seat of row.seats) {
        ids[i] = seat.id;
        if (!indexOf.has(seat.id)) indexOf.set(seat.id, i);
        rowOf[i] = r;
        let c = categoryIndex.get(seat.category);
        if (c === undefined) {
          c = categoryKeys.length;
          categoryKeys.push(seat.category);
          categoryIndex.set(seat.category, c);
        }
        categoryOf[i] = c;
        if (seat.accessible) accessible[i] = 1;
        perCategory.set(seat.category, (perCategory.get(seat.category) ?? 0) + 1);
        grow(seatBounds, seat.x, seat.y);
        i++;
      }
    }
    let bounds = seatBounds;
    if (section.polygon && section.polygon.length >= 3) {
      bounds = emptyBounds();
      for (const [x, y] of section.polygon) grow(bounds, x, y);
    }
    const category = [...perCategory].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    sections.push({
      id: section.id,
      label: section.label,
      start,
      end: i,
      rowStart,
      rowEnd: rows.length,
      polygon: section.polygon,
      bounds,
      category,
    });
  }
  return { count, ids, indexOf, rowOf, categoryOf, categoryKeys, accessible, rows, sections };
}

export type SeatInfo = { id: string; label: string; row: string; section: string; category: string };

export function seatInfo(catalog: SeatCatalog, labels: readonly string[], i: number): SeatInfo {
  const row = catalog.rows[catalog.rowOf[i]!]!;
  return {
    id: catalog.ids[i]!,
    label: labels[i] ?? '',
    row: row.label,
    section: catalog.sections[row.section]!.label,
    category: catalog.categoryKeys[catalog.categoryOf[i]!] ?? '',
  };
}

/** Free seats per section, from the live statuses (0 = free). */
export function freeBySection(catalog: SeatCatalog, statuses: Uint8Array): Uint32Array {
  const free = new Uint32Array(catalog.sections.length);
  catalog.sections.forEach((s, k) => {
    let n = 0;
    for (let i = s.start; i < s.end; i++) if (statuses[i] === 0) n++;
    free[k] = n;
  });
  return free;
}

/** Ray casting; points on an edge may fall either way, which is fine for pointing at a section. */
export function pointInPolygon(polygon: Polygon, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
