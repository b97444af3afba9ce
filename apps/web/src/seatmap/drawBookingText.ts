import type { BookingLayer } from './drawBooking.ts';
import { isLight } from './drawText.ts';
import { forEachInBounds, type HitGrid, nearestInGrid } from './hitGrid.ts';
import type { PreparedPlan } from './prepare.ts';
import { FREE } from './seatStatus.ts';
import { sectionFill } from './sectionFill.ts';
import { type Size, type Viewport, visibleBounds } from './viewport.ts';

// Text of the buyer’s map, drawn in screen space (the context has the dpr-only transform).

const SEAT_NUMBERS_FROM_RADIUS_PX = 8;
const ROW_LABELS_FROM_PX = 13;

/** Section names and seats left, drawn only where they fit inside the section. */
export function drawSectionCounts(
  ctx: CanvasRenderingContext2D,
  p: PreparedPlan,
  layer: BookingLayer,
  v: Viewport,
  size: Size,
) {
  const free = layer.freeBySection;
  const colourOf = new Map(p.legend.map((e) => [e.key, e.color]));
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const placed: { x: number; y: number; half: number }[] = [];
  layer.catalog.sections.forEach((s, k) => {
    if (!s.polygon) return;
    const w = (s.bounds.maxX - s.bounds.minX) * v.k - 6;
    const h = (s.bounds.maxY - s.bounds.minY) * v.k;
    const x = ((s.bounds.minX + s.bounds.maxX) / 2) * v.k + v.tx;
    const y = ((s.bounds.minY + s.bounds.maxY) / 2) * v.k + v.ty;
    if (h < 14 || x < -80 || y < -20 || x > size.width + 80 || y > size.height + 20) return;
    const total = s.end - s.start;
    const left = free ? free[k]! : total;
    ctx.fillStyle = isLight(sectionFill(colourOf.get(s.category), total, left)) ? '#16141f' : '#ffffff';
    ctx.font = '700 12px system-ui, sans-serif';
    // "Section 101" where it fits, else "101".
    const short = s.label.split(/\s+/).at(-1) ?? s.label;
    const name =
      ctx.measureText(s.label).width <= w ? s.label : ctx.measureText(short).width <= w ? short : null;
    if (!name) return;
    // Thin corner sections have overlapping bounds: the first label drawn wins.
    const half = ctx.measureText(name).width / 2 + 2;
    if (placed.some((b) => Math.abs(b.y - y) < 16 && Math.abs(b.x - x) < b.half + half)) return;
    placed.push({ x, y, half });
    ctx.font = '600 11px system-ui, sans-serif';
    const count = left === 0 ? 'Sold out' : `${left.toLocaleString()} free`;
    const showCount = h >= 34 && ctx.measureText(count).width <= w;
    ctx.font = '700 12px system-ui, sans-serif';
    ctx.fillText(name, x, showCount ? y - 7 : y);
    if (showCount) {
      ctx.font = '600 11px system-ui, sans-serif';
      ctx.fillText(count, x, y + 8);
    }
  });
}

/** Numbers on free and selected seats once seats are big enough to read them. */
export function drawSeatNumbers(
  ctx: CanvasRenderingContext2D,
  p: PreparedPlan,
  layer: BookingLayer,
  v: Viewport,
  size: Size,
) {
  const rs = p.seatRadius * v.k;
  if (rs < SEAT_NUMBERS_FROM_RADIUS_PX) return;
  const ink = layer.colours.map((c) => (isLight(c) ? '#16141f' : '#ffffff'));
  const selected = new Set(layer.selected);
  const known = layer.statuses.length === layer.catalog.count;
  ctx.font = `600 ${Math.min(rs * 0.8, 13).toFixed(1)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const view = visibleBounds(v, size, p.seatRadius);
  const xy = p.seatXY;
  forEachInBounds(layer.grid, view, (i) => {
    if (selected.has(i) || (known && layer.statuses[i] !== FREE)) return;
    const x = xy[i * 2]! * v.k + v.tx;
    const y = xy[i * 2 + 1]! * v.k + v.ty;
    if (x < -rs || x > size.width + rs || y < -rs || y > size.height + rs) return;
    ctx.fillStyle = ink[layer.catalog.categoryOf[i]!] ?? '#ffffff';
    ctx.fillText(p.seatLabels[i]!, x, y + 0.5);
  });
}

/**
 * Row labels beyond both ends of each row, in screen space, skipping any that would sit on a seat
 * (sections that touch) or on a label already drawn.
 */
export function drawRowLabels(
  ctx: CanvasRenderingContext2D,
  p: PreparedPlan,
  grid: HitGrid,
  v: Viewport,
  size: Size,
) {
  if (p.rowLabels.length === 0 || p.rowPitch * v.k < ROW_LABELS_FROM_PX) return;
  const away = p.seatRadius * v.k + 8;
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#636075';
  const placed: number[] = [];
  for (const row of p.rowLabels) {
    const x = row.x * v.k + v.tx + row.dx * away;
    const y = row.y * v.k + v.ty + row.dy * away;
    if (x < -40 || x > size.width + 40 || y < -10 || y > size.height + 10) continue;
    const align = row.dx < -0.4 ? 'right' : row.dx > 0.4 ? 'left' : 'center';
    const w = ctx.measureText(row.label).width;
    const x0 = align === 'right' ? x - w : align === 'left' ? x : x - w / 2;
    const cx = (x0 + w / 2 - v.tx) / v.k;
    const cy = (y - v.ty) / v.k;
    if (nearestInGrid(grid, p.seatXY, cx, cy, Math.max(p.seatRadius, (w / 2 + 2) / v.k)) >= 0) continue;
    let clash = false;
    for (let i = 0; i < placed.length && !clash; i += 3) {
      clash =
        Math.abs(placed[i + 1]! - y) < 12 && x0 < placed[i]! + placed[i + 2]! + 2 && placed[i]! < x0 + w + 2;
    }
    if (clash) continue;
    ctx.textAlign = align;
    ctx.fillText(row.label, x, y);
    placed.push(x0, y, w);
  }
}
