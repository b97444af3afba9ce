/** Distinct, colour-blind-friendly category colours (Okabe–Ito first, then Tableau). */
const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#9c755f',
];

export function paletteColour(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#888888';
}
