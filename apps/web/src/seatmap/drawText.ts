import type { PreparedPlan } from './prepare.ts';
import type { Size, Viewport } from './viewport.ts';

/** Rows closer than this on screen would have overlapping labels, so none are drawn. */
const ROW_LABELS_FROM_PX = 13;
/** Seat numbers need a seat about this wide to be readable. */
export const SEAT_NUMBERS_FROM_RADIUS_PX = 8;

/** Row labels beyond both ends of each row, in screen space (the context has the dpr-only transform). */
export function drawRowLabels(ctx: CanvasRenderingContext2D, p: PreparedPlan, v: Viewport, size: Size) {
  if (p.rowLabels.length === 0 || p.rowPitch * v.k < ROW_LABELS_FROM_PX) return;
  const away = p.seatRadius * v.k + 8;
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#636075';
  for (const row of p.rowLabels) {
    const x = row.x * v.k + v.tx + row.dx * away;
    const y = row.y * v.k + v.ty + row.dy * away;
    if (x < -40 || x > size.width + 40 || y < -10 || y > size.height + 10) continue;
    ctx.textAlign = row.dx < -0.4 ? 'right' : row.dx > 0.4 ? 'left' : 'center';
    ctx.fillText(row.label, x, y);
  }
}

/**
 * Section names over the seats while seats are too small to read: the overview of a stadium. A name
 * is drawn only if it fits inside its section on screen and does not overlap one already drawn.
 */
export function drawSectionLabels(ctx: CanvasRenderingContext2D, p: PreparedPlan, v: Viewport, size: Size) {
  if (p.sectionLabels.length === 0 || p.seatRadius * v.k >= SEAT_NUMBERS_FROM_RADIUS_PX) return;
  ctx.font = '700 12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgb(255 255 255 / 0.9)';
  ctx.fillStyle = '#16141f';
  const drawn: { x: number; y: number; w: number }[] = [];
  for (const s of p.sectionLabels) {
    const x = s.x * v.k + v.tx;
    const y = s.y * v.k + v.ty;
    const w = ctx.measureText(s.text).width + 6;
    if (w > s.width * v.k || s.height * v.k < 14) continue;
    if (x < -w || x > size.width + w || y < -20 || y > size.height + 20) continue;
    if (drawn.some((d) => Math.abs(d.x - x) < (d.w + w) / 2 && Math.abs(d.y - y) < 16)) continue;
    drawn.push({ x, y, w });
    ctx.strokeText(s.text, x, y);
    ctx.fillText(s.text, x, y);
  }
}

export function drawSeatNumbers(ctx: CanvasRenderingContext2D, p: PreparedPlan, v: Viewport, size: Size) {
  const rs = p.seatRadius * v.k;
  if (rs < SEAT_NUMBERS_FROM_RADIUS_PX) return;
  const ink = p.layers.map((l) => (isLight(l.color) ? '#16141f' : '#ffffff'));
  ctx.font = `600 ${Math.min(rs * 0.85, 13).toFixed(1)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const xy = p.seatXY;
  for (let i = 0; i < p.seatLabels.length; i++) {
    const x = xy[i * 2]! * v.k + v.tx;
    const y = xy[i * 2 + 1]! * v.k + v.ty;
    if (x < -rs || x > size.width + rs || y < -rs || y > size.height + rs) continue;
    ctx.fillStyle = ink[p.seatColors[i]!] ?? '#ffffff';
    ctx.fillText(p.seatLabels[i]!, x, y + 0.5);
  }
}

/** Relative luminance above ~0.5: dark text reads better on it than white. */
export function isLight(hex: string): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = Number.parseInt(h!, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.45;
}
