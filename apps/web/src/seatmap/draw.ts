import { drawGaAreas, drawSections, drawStageHint } from './drawShapes.ts';
import {
  drawRowLabels,
  drawSeatNumbers,
  drawSectionLabels,
  SEAT_NUMBERS_FROM_RADIUS_PX,
} from './drawText.ts';
import type { PreparedPlan } from './prepare.ts';
import { type Size, type Viewport, visibleBounds } from './viewport.ts';

const TAU = Math.PI * 2;
/** Below this on-screen radius a seat is drawn as a square: same look at that size, far cheaper than an arc. */
const SQUARE_BELOW_PX = 1.25;
/** Smallest on-screen half-width, so seats never vanish when the whole stadium is in view. */
const MIN_HALF_PX = 0.6;

export type DrawOptions = {
  /** The SVG background is shown under the canvas: do not paint section fills over it. */
  hasBackground: boolean;
};

/**
 * Paints the plan at the given camera. Seats of one colour are one path and one fill, and seats
 * outside the view are skipped, so a frame costs a few milliseconds even at 80,000 seats.
 */
export function drawPlan(
  ctx: CanvasRenderingContext2D,
  p: PreparedPlan,
  v: Viewport,
  size: Size,
  dpr: number,
  options: DrawOptions,
) {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  ctx.setTransform(dpr * v.k, 0, 0, dpr * v.k, dpr * v.tx, dpr * v.ty);

  if (!options.hasBackground) drawSections(ctx, p, v);
  drawGaAreas(ctx, p, v);
  drawStageHint(ctx, p, v, options.hasBackground);
  drawSeats(ctx, p, v, size);
  drawAccessibleMarks(ctx, p, v, size);

  // Text is drawn in screen space so it stays crisp and the same size at every zoom.
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawRowLabels(ctx, p, v, size);
  drawSeatNumbers(ctx, p, v, size);
  drawSectionLabels(ctx, p, v, size);
}

function drawSeats(ctx: CanvasRenderingContext2D, p: PreparedPlan, v: Viewport, size: Size) {
  const r = p.seatRadius;
  const square = r * v.k < SQUARE_BELOW_PX;
  const half = Math.max(r, MIN_HALF_PX / v.k);
  const { minX, minY, maxX, maxY } = visibleBounds(v, size, half);
  for (const layer of p.layers) {
    const xy = layer.xy;
    ctx.beginPath();
    for (let i = 0; i < xy.length; i += 2) {
      const x = xy[i]!;
      const y = xy[i + 1]!;
      if (x < minX || x > maxX || y < minY || y > maxY) continue;
      if (square) {
        ctx.rect(x - half, y - half, half * 2, half * 2);
      } else {
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, TAU);
      }
    }
    ctx.fillStyle = layer.color;
    ctx.fill();
  }
}

/**
 * Wheelchair spaces: a dark ring and a white centre once seats are big enough to show it; the centre
 * gives way to the seat number when numbers are drawn.
 */
function drawAccessibleMarks(ctx: CanvasRenderingContext2D, p: PreparedPlan, v: Viewport, size: Size) {
  const r = p.seatRadius;
  if (p.accessibleXY.length === 0 || r * v.k < 3) return;
  const { minX, minY, maxX, maxY } = visibleBounds(v, size, r);
  const xy = p.accessibleXY;
  const ring = new Path2D();
  const centre = new Path2D();
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i]!;
    const y = xy[i + 1]!;
    if (x < minX || x > maxX || y < minY || y > maxY) continue;
    ring.moveTo(x + r * 0.88, y);
    ring.arc(x, y, r * 0.88, 0, TAU);
    centre.moveTo(x + r * 0.34, y);
    centre.arc(x, y, r * 0.34, 0, TAU);
  }
  ctx.lineWidth = r * 0.24;
  ctx.strokeStyle = '#16141f';
  ctx.stroke(ring);
  if (r * v.k >= SEAT_NUMBERS_FROM_RADIUS_PX) return;
  ctx.fillStyle = '#ffffff';
  ctx.fill(centre);
}
