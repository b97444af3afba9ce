import type { Plan } from '@ticketing/seatmap';

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
const n = (v: number) => String(Math.round(v * 10) / 10);

/**
 * Draws a generated plan as an SVG with data-seat-id seats, so demo halls go through the same
 * upload path (sanitize → import → map) an admin's SVG does.
 */
export function planToSvg(plan: Plan): string {
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(plan.width)} ${n(plan.height)}">`];
  out.push(
    `<rect x="${n(plan.focalPoint.x - 200)}" y="${n(Math.max(0, plan.focalPoint.y - 40))}" width="400" height="60" rx="8" fill="#2b2b33"/>`,
    `<text x="${n(plan.focalPoint.x)}" y="${n(Math.max(0, plan.focalPoint.y - 40) + 36)}" font-size="24" fill="#fff" text-anchor="middle" font-family="sans-serif">STAGE</text>`,
  );
  for (const section of plan.sections) {
    if (section.polygon?.length) {
      out.push(
        `<polygon data-section-id="${esc(section.id)}" data-label="${esc(section.label)}" points="${section.polygon.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="#f1f1f4"/>`,
      );
    }
    for (const row of section.rows) {
      for (const seat of row.seats) {
        out.push(
          `<circle data-seat-id="${esc(seat.id)}" data-section="${esc(section.id)}" data-row="${esc(row.label)}" data-label="${esc(seat.label)}" data-category="${esc(seat.category)}"${seat.accessible ? ' data-accessible="true"' : ''} cx="${n(seat.x)}" cy="${n(seat.y)}" r="8"/>`,
        );
      }
    }
  }
  out.push('</svg>');
  return out.join('');
}
