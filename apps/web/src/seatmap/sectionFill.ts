export const SOLD_OUT_FILL = '#e4e3ec';

/** A section's colour: its category's, mixed towards white as seats go, grey when none are left. */
export function sectionFill(colour: string | undefined, total: number, left: number): string {
  if (left <= 0 || total <= 0) return SOLD_OUT_FILL;
  return mixHex(colour ?? '#9a98a8', '#ffffff', 0.7 * (1 - left / total));
}

export function mixHex(a: string, b: string, t: number): string {
  const pa = parseHex(a);
  const pb = parseHex(b);
  if (!pa || !pb) return a;
  const c = pa.map((x, i) => Math.round(x + (pb[i]! - x) * t));
  return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})/i.exec(hex);
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}
