import type { Polygon } from '@ticketing/seatmap';
import type { PreparedPlan } from './prepare.ts';
import type { Viewport } from './viewport.ts';

const SECTION_FILL = '#f0f0f6';
const SECTION_STROKE = '#dedde8';
const HINT = '#b9b7c9';
const HINT_TEXT = '#636075';

function tracePolygon(ctx: CanvasRenderingContext2D, polygon: Polygon) {
  polygon.forEach(([x, y], i) => {
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.closePath();
}

export function drawSections(ctx: CanvasRenderingContext2D, p: PreparedPlan, v: Viewport) {
  ctx.beginPath();
  for (const section of p.plan.sections) if (section.polygon) tracePolygon(ctx, section.polygon);
  ctx.fillStyle = SECTION_FILL;
  ctx.fill();
  ctx.lineWidth = 1 / v.k;
  ctx.strokeStyle = SECTION_STROKE;
  ctx.stroke();
}

/** Standing areas: their category colour, translucent, with the capacity written inside. */
export function drawGaAreas(ctx: CanvasRenderingContext2D, p: PreparedPlan, v: Viewport) {
  const colour = new Map(p.legend.map((e) => [e.key, e.color]));
  for (const area of p.plan.gaAreas) {
    const c = colour.get(area.category) ?? HINT;
    ctx.beginPath();
    tracePolygon(ctx, area.polygon);
    ctx.globalAlpha = 0.28;
    ctx.fillStyle = c;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 2 / v.k;
    ctx.strokeStyle = c;
    ctx.stroke();
    const cx = area.polygon.reduce((s, [x]) => s + x, 0) / area.polygon.length;
    const cy = area.polygon.reduce((s, [, y]) => s + y, 0) / area.polygon.length;
    screenText(ctx, v, cx, cy, `${area.label} · ${area.capacity.toLocaleString()}`, HINT_TEXT);
  }
}

/**
 * Where people look: a curved screen above a procedural plan, a marked stage on a drawing without
 * a background (a background SVG already shows its stage or pitch).
 */
export function drawStageHint(
  ctx: CanvasRenderingContext2D,
  p: PreparedPlan,
  v: Viewport,
  hasBackground: boolean,
) {
  const { focalPoint: f, width, kind } = p.plan;
  if (kind === 'procedural') {
    // Procedural plans list the front row first, so the first seat is as close to the screen as any.
    const seatsTop = p.seatXY[1] ?? f.y + 80;
    const y = f.y + Math.min(24, (seatsTop - f.y) / 3);
    const half = width * 0.36;
    ctx.beginPath();
    ctx.moveTo(f.x - half, y + 10);
    ctx.quadraticCurveTo(f.x, y - 10, f.x + half, y + 10);
    ctx.lineWidth = Math.max(5, 3 / v.k);
    ctx.lineCap = 'round';
    ctx.strokeStyle = HINT;
    ctx.stroke();
    screenText(ctx, v, f.x, y + 30, 'SCREEN', HINT_TEXT);
    return;
  }
  if (hasBackground) return;
  const r = Math.max(p.seatRadius * 4, 6 / v.k);
  ctx.beginPath();
  ctx.arc(f.x, f.y, r, 0, Math.PI * 2);
  ctx.fillStyle = HINT;
  ctx.fill();
  screenText(ctx, v, f.x, f.y + r * 2, 'STAGE', HINT_TEXT);
}

/** Text at a plan point, drawn in screen pixels so it keeps its size whatever the zoom. */
function screenText(
  ctx: CanvasRenderingContext2D,
  v: Viewport,
  x: number,
  y: number,
  text: string,
  colour: string,
) {
  const dpr = ctx.getTransform().a / v.k; // the plan transform is dpr × k
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = '700 11px system-ui, sans-serif';
  ctx.letterSpacing = '0.12em';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = colour;
  ctx.fillText(text, x * v.k + v.tx, y * v.k + v.ty);
  ctx.restore();
}
