import { drawRowLabels, drawSeatNumbers, drawSectionCounts } from './drawBookingText.ts';
import { drawSections, drawStageHint } from './drawShapes.ts';
import { forEachInBounds, type HitGrid } from './hitGrid.ts';
import type { PreparedPlan } from './prepare.ts';
import type { SeatCatalog } from './seatCatalog.ts';
import { FREE, HELD, STATUS_COLOURS } from './seatStatus.ts';
import { SOLD_OUT_FILL, sectionFill } from './sectionFill.ts';
import { type Size, type Viewport, visibleBounds } from './viewport.ts';

const TAU = Math.PI * 2;
const SQUARE_BELOW_PX = 2;
const MIN_HALF_PX = 0.6;

export type MapTarget =
  | { kind: 'seat'; index: number }
  | { kind: 'section'; index: number }
  | { kind: 'ga'; id: string };

/** Everything the buyer's map shows on top of the plan: live statuses, selection, hover. */
export type BookingLayer = {
  catalog: SeatCatalog;
  grid: HitGrid;
  /** One byte per seat (0 free…3 blocked); empty until the first snapshot: all drawn as free. */
  statuses: Uint8Array;
  /** Colour per catalog category index. */
  colours: string[];
  /** Seats picked or held by this buyer. */
  selected: readonly number[];
  /** Seats someone else just took from under the buyer: ringed in red. */
  taken: readonly number[];
  hover: MapTarget | null;
  /** Zoomed out on a big venue: sections coloured by what is left, no seats. */
  overview: boolean;
  freeBySection: Uint32Array | null;
  ga: Readonly<Record<string, number>>;
  selectedGa: string | null;
  hasBackground: boolean;
};

/** One frame of the buyer's map. Seats are batched per colour and culled through the grid. */
export function drawBookingMap(
  ctx: CanvasRenderingContext2D,
  p: PreparedPlan,
  layer: BookingLayer,
  v: Viewport,
  size: Size,
  dpr: number,
) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  ctx.setTransform(dpr * v.k, 0, 0, dpr * v.k, dpr * v.tx, dpr * v.ty);

  if (layer.overview) drawSectionAvailability(ctx, p, layer, v);
  else if (!layer.hasBackground) drawSections(ctx, p, v);
  drawGa(ctx, p, layer, v);
  drawStageHint(ctx, p, v, layer.hasBackground);
  if (!layer.overview) {
    drawSeats(ctx, p, layer, v, size);
    drawAccessible(ctx, p, v, size);
  }
  drawMarks(ctx, p, layer, v);

  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  if (layer.overview) drawSectionCounts(ctx, p, layer, v, size);
  else {
    drawRowLabels(ctx, p, layer.grid, v, size);
    drawSeatNumbers(ctx, p, layer, v, size);
  }
}

const buckets: number[][] = [];

function drawSeats(
  ctx: CanvasRenderingContext2D,
  p: PreparedPlan,
  layer: BookingLayer,
  v: Viewport,
  size: Size,
) {
  const r = p.seatRadius;
  const square = r * v.k < SQUARE_BELOW_PX;
  const half = Math.max(r, MIN_HALF_PX / v.k);
  const view = visibleBounds(v, size, half);
  const { statuses, colours, catalog } = layer;
  const known = statuses.length === catalog.count;
  const held = colours.length;
  const sold = held + 1;
  for (let b = 0; b <= sold; b++) {
    if (buckets[b]) buckets[b]!.length = 0;
    else buckets[b] = [];
  }
  const xy = p.seatXY;
  forEachInBounds(layer.grid, view, (i) => {
    const x = xy[i * 2]!;
    const y = xy[i * 2 + 1]!;
    if (x < view.minX || x > view.maxX || y < view.minY || y > view.maxY) return;
    const s = known ? statuses[i]! : FREE;
    buckets[s === FREE ? catalog.categoryOf[i]! : s === HELD ? held : sold]!.push(i);
  });
  for (let b = 0; b <= sold; b++) {
    const list = buckets[b]!;
    if (list.length === 0) continue;
    ctx.beginPath();
    for (const i of list) {
      const x = xy[i * 2]!;
      const y = xy[i * 2 + 1]!;
      if (square) ctx.rect(x - half, y - half, half * 2, half * 2);
      else {
        // Taken seats are drawn smaller, so free ones stand out even without colour.
        const rr = b >= held ? r * 0.72 : r;
        ctx.moveTo(x + rr, y);
        ctx.arc(x, y, rr, 0, TAU);
      }
    }
    ctx.fillStyle =
      b === held ? STATUS_COLOURS.held : b === sold ? STATUS_COLOURS.sold : (colours[b] ?? '#9a98a8');
    ctx.fill();
  }
}

function drawAccessible(ctx: CanvasRenderingContext2D, p: PreparedPlan, v: Viewport, size: Size) {
  const r = p.seatRadius;
  if (p.accessibleXY.length === 0 || r * v.k < 4) return;
  const { minX, minY, maxX, maxY } = visibleBounds(v, size, r);
  const xy = p.accessibleXY;
  ctx.beginPath();
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i]!;
    const y = xy[i + 1]!;
    if (x < minX || x > maxX || y < minY || y > maxY) continue;
    ctx.moveTo(x + r * 0.88, y);
    ctx.arc(x, y, r * 0.88, 0, TAU);
  }
  ctx.lineWidth = r * 0.22;
  ctx.strokeStyle = '#16141f';
  ctx.stroke();
}

/** Selection, seats just taken, and the hovered seat or section: the few things drawn one by one. */
function drawMarks(ctx: CanvasRenderingContext2D, p: PreparedPlan, layer: BookingLayer, v: Viewport) {
  const xy = p.seatXY;
  // Never smaller than a few pixels, so a selection shows even on the zoomed-out stadium.
  const r = Math.max(p.seatRadius, 3.5 / v.k);
  const px = 1 / v.k;
  if (layer.selected.length) {
    ctx.beginPath();
    for (const i of layer.selected) {
      ctx.moveTo(xy[i * 2]! + r + 2 * px, xy[i * 2 + 1]!);
      ctx.arc(xy[i * 2]!, xy[i * 2 + 1]!, r + 2 * px, 0, TAU);
    }
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.beginPath();
    for (const i of layer.selected) {
      ctx.moveTo(xy[i * 2]! + r, xy[i * 2 + 1]!);
      ctx.arc(xy[i * 2]!, xy[i * 2 + 1]!, r, 0, TAU);
    }
    ctx.fillStyle = STATUS_COLOURS.selected;
    ctx.fill();
    if (r * v.k >= 5) {
      ctx.beginPath();
      for (const i of layer.selected) {
        ctx.moveTo(xy[i * 2]! + r * 0.4, xy[i * 2 + 1]!);
        ctx.arc(xy[i * 2]!, xy[i * 2 + 1]!, r * 0.4, 0, TAU);
      }
      ctx.fillStyle = '#ffffff';
      ctx.fill();
    }
  }
  if (layer.taken.length) {
    ctx.beginPath();
    for (const i of layer.taken) {
      ctx.moveTo(xy[i * 2]! + r + 3 * px, xy[i * 2 + 1]!);
      ctx.arc(xy[i * 2]!, xy[i * 2 + 1]!, r + 3 * px, 0, TAU);
    }
    ctx.lineWidth = 2.5 * px;
    ctx.strokeStyle = STATUS_COLOURS.taken;
    ctx.stroke();
  }
  const hover = layer.hover;
  if (hover?.kind === 'seat' && !layer.overview) {
    const i = hover.index;
    ctx.beginPath();
    ctx.arc(xy[i * 2]!, xy[i * 2 + 1]!, p.seatRadius + 2.5 * px, 0, TAU);
    ctx.lineWidth = 2 * px;
    ctx.strokeStyle = '#16141f';
    ctx.stroke();
  }
}

function trace(ctx: CanvasRenderingContext2D, polygon: [number, number][]) {
  polygon.forEach(([x, y], i) => {
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.closePath();
}

/**
 * Zoomed out: each section filled opaque in its main category's colour, paler as it sells out,
 * grey when gone (opaque, so the background's own labels do not show through twice).
 */
function drawSectionAvailability(
  ctx: CanvasRenderingContext2D,
  p: PreparedPlan,
  layer: BookingLayer,
  v: Viewport,
) {
  const colourOf = new Map(p.legend.map((e) => [e.key, e.color]));
  const free = layer.freeBySection;
  layer.catalog.sections.forEach((s, k) => {
    if (!s.polygon) return;
    ctx.beginPath();
    trace(ctx, s.polygon);
    ctx.fillStyle = sectionFill(colourOf.get(s.category), s.end - s.start, free ? free[k]! : s.end - s.start);
    ctx.fill();
    const hovered = layer.hover?.kind === 'section' && layer.hover.index === k;
    ctx.lineWidth = (hovered ? 3 : 1.5) / v.k;
    ctx.strokeStyle = hovered ? '#16141f' : '#ffffff';
    ctx.stroke();
  });
}

/** Standing areas: translucent category colour, the places left written inside. */
function drawGa(ctx: CanvasRenderingContext2D, p: PreparedPlan, layer: BookingLayer, v: Viewport) {
  if (p.plan.gaAreas.length === 0) return;
  const colourOf = new Map(p.legend.map((e) => [e.key, e.color]));
  for (const area of p.plan.gaAreas) {
    const left = layer.ga[area.id] ?? area.capacity;
    const colour = left > 0 ? (colourOf.get(area.category) ?? '#9a98a8') : SOLD_OUT_FILL;
    ctx.beginPath();
    trace(ctx, area.polygon);
    ctx.globalAlpha = left > 0 ? 0.3 : 0.9;
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.globalAlpha = 1;
    const active = layer.selectedGa === area.id || (layer.hover?.kind === 'ga' && layer.hover.id === area.id);
    ctx.lineWidth = (active ? 3 : 2) / v.k;
    ctx.strokeStyle = active ? '#16141f' : colour;
    ctx.stroke();
    const cx = area.polygon.reduce((s, [x]) => s + x, 0) / area.polygon.length;
    const cy = area.polygon.reduce((s, [, y]) => s + y, 0) / area.polygon.length;
    const dpr = ctx.getTransform().a / v.k;
    ctx.save();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = '700 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#16141f';
    ctx.fillText(area.label, cx * v.k + v.tx, cy * v.k + v.ty - 8);
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.fillText(
      left > 0 ? `${left.toLocaleString()} places left` : 'Sold out',
      cx * v.k + v.tx,
      cy * v.k + v.ty + 8,
    );
    ctx.restore();
  }
}
