/**
 * A football stadium drawing (about 80,000 seats, 44 sections) as the SVG an admin would upload:
 * a lower and an upper ring around the pitch, each split into long sides, ends and corners. Units are
 * decimetres. Rows and sections are groups (`data-section`, `data-row`, `data-category` inherited by
 * their seats) so the file stays under 5 MB.
 */

const PITCH_HALF_X = 525;
const PITCH_HALF_Y = 340;
/** The bowl starts this far outside the pitch lines. */
const RUN_OFF = 80;
const HX = PITCH_HALF_X + RUN_OFF;
const HY = PITCH_HALF_Y + RUN_OFF;
const SEAT_PITCH = 5;
const ROW_DEPTH = 8;
const AISLE = 12;
const MARGIN = 60;

interface Ring {
  /** First digit of the section numbers: 1 = lower (101…), 2 = upper (201…). */
  tier: number;
  rows: number;
  firstOffset: number;
}

const LOWER: Ring = { tier: 1, rows: 25, firstOffset: 30 };
const UPPER: Ring = { tier: 2, rows: 44, firstOffset: 30 + 25 * ROW_DEPTH + 60 };
const OUTER = UPPER.firstOffset + UPPER.rows * ROW_DEPTH;
const CX = HX + OUTER + MARGIN;
const CY = HY + OUTER + MARGIN;

const CATEGORIES = [
  { key: 'cat1', label: 'Category 1 — lower sides', color: '#cc79a7' },
  { key: 'cat2', label: 'Category 2 — lower ends and corners', color: '#0072b2' },
  { key: 'cat3', label: 'Category 3 — upper sides', color: '#009e73' },
  { key: 'cat4', label: 'Category 4 — upper ends and corners', color: '#e69f00' },
];

/** A stand along the bowl: straight (from→to along a side) or a corner arc. */
type Stand =
  | { kind: 'side'; from: [number, number]; to: [number, number]; normal: [number, number]; long: boolean }
  | { kind: 'corner'; centre: [number, number]; fromAngle: number; toAngle: number };

const f = (v: number): string => String(Math.round(v * 10) / 10);

/** The 22 stands of a ring, clockwise from the left end of the top side. */
function stands(): Stand[] {
  const out: Stand[] = [];
  const side = (
    a: [number, number],
    b: [number, number],
    n: number,
    normal: [number, number],
    long: boolean,
  ): void => {
    for (let i = 0; i < n; i++) {
      const lerp = (t: number): [number, number] => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      out.push({ kind: 'side', from: lerp(i / n), to: lerp((i + 1) / n), normal, long });
    }
  };
  const corner = (centre: [number, number], start: number): void => {
    for (let i = 0; i < 2; i++) {
      out.push({
        kind: 'corner',
        centre,
        fromAngle: start + (i * Math.PI) / 4,
        toAngle: start + ((i + 1) * Math.PI) / 4,
      });
    }
  };
  side([CX - HX, CY - HY], [CX + HX, CY - HY], 4, [0, -1], true);
  corner([CX + HX, CY - HY], -Math.PI / 2);
  side([CX + HX, CY - HY], [CX + HX, CY + HY], 3, [1, 0], false);
  corner([CX + HX, CY + HY], 0);
  side([CX + HX, CY + HY], [CX - HX, CY + HY], 4, [0, 1], true);
  corner([CX - HX, CY + HY], Math.PI / 2);
  side([CX - HX, CY + HY], [CX - HX, CY - HY], 3, [-1, 0], false);
  corner([CX - HX, CY - HY], Math.PI);
  return out;
}

/** Seat centres of one row of a stand, `offset` out from the pitch-side edge of the bowl. */
function rowSeats(stand: Stand, offset: number): [number, number][] {
  const seats: [number, number][] = [];
  if (stand.kind === 'side') {
    const [ax, ay] = stand.from;
    const [bx, by] = stand.to;
    const len = Math.hypot(bx - ax, by - ay);
    const n = Math.floor((len - AISLE) / SEAT_PITCH);
    const ux = (bx - ax) / len;
    const uy = (by - ay) / len;
    const start = (len - n * SEAT_PITCH) / 2 + SEAT_PITCH / 2;
    for (let i = 0; i < n; i++) {
      const t = start + i * SEAT_PITCH;
      seats.push([ax + ux * t + stand.normal[0] * offset, ay + uy * t + stand.normal[1] * offset]);
    }
  } else {
    const span = (stand.toAngle - stand.fromAngle) * offset;
    const n = Math.floor((span - AISLE) / SEAT_PITCH);
    const step = SEAT_PITCH / offset;
    const start = stand.fromAngle + (stand.toAngle - stand.fromAngle - n * step) / 2 + step / 2;
    for (let i = 0; i < n; i++) {
      const angle = start + i * step;
      seats.push([stand.centre[0] + offset * Math.cos(angle), stand.centre[1] + offset * Math.sin(angle)]);
    }
  }
  return seats;
}

function outline(stand: Stand, inner: number, outer: number): string {
  const points: [number, number][] = [];
  if (stand.kind === 'side') {
    const [nx, ny] = stand.normal;
    for (const [p, d] of [
      [stand.from, inner],
      [stand.to, inner],
      [stand.to, outer],
      [stand.from, outer],
    ] as const) {
      points.push([p[0] + nx * d, p[1] + ny * d]);
    }
  } else {
    for (const [radius, a, b] of [
      [inner, stand.fromAngle, stand.toAngle],
      [outer, stand.toAngle, stand.fromAngle],
    ] as const) {
      for (let k = 0; k <= 6; k++) {
        const t = a + ((b - a) * k) / 6;
        points.push([stand.centre[0] + radius * Math.cos(t), stand.centre[1] + radius * Math.sin(t)]);
      }
    }
  }
  return points.map(([x, y]) => `${f(x)},${f(y)}`).join(' ');
}

function ring(r: Ring, out: string[]): void {
  const inner = r.firstOffset - ROW_DEPTH / 2;
  const outer = r.firstOffset + (r.rows - 0.5) * ROW_DEPTH;
  stands().forEach((stand, i) => {
    const id = String(r.tier * 100 + i + 1);
    const sideStand = stand.kind === 'side' && stand.long;
    const category = r.tier === 1 ? (sideStand ? 'cat1' : 'cat2') : sideStand ? 'cat3' : 'cat4';
    out.push(
      `<polygon data-section-id="${id}" data-label="Section ${id}" points="${outline(stand, inner, outer)}"/>`,
    );
    out.push(`<g data-section="${id}" data-category="${category}">`);
    for (let row = 0; row < r.rows; row++) {
      const seats = rowSeats(stand, r.firstOffset + row * ROW_DEPTH);
      const backRow = r.tier === 1 && row === r.rows - 1;
      out.push(`<g data-row="${row + 1}">`);
      seats.forEach(([x, y], k) => {
        const accessible = backRow && (k < 2 || k >= seats.length - 2) ? ' data-accessible="1"' : '';
        out.push(
          `<circle data-seat-id="${id}-${row + 1}-${k + 1}" cx="${f(x)}" cy="${f(y)}" r="2"${accessible}/>`,
        );
      });
      out.push('</g>');
    }
    out.push('</g>');
    const mid = rowSeats(stand, (inner + outer) / 2);
    const label = mid[Math.floor(mid.length / 2)];
    if (label) out.push(`<text x="${f(label[0])}" y="${f(label[1])}" class="l">${id}</text>`);
  });
}

/** The stadium drawing as SVG text: deterministic, generated in well under a second. */
export function demoStadiumSvg(): string {
  const width = 2 * CX;
  const height = 2 * CY;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f(width)} ${f(height)}">`,
    '<style>.l{font-size:28px;font-weight:bold;font-family:sans-serif;fill:#333;text-anchor:middle;dominant-baseline:middle}</style>',
    ...CATEGORIES.map(
      (c) =>
        `<g data-category-key="${c.key}" data-category-label="${c.label}" data-category-color="${c.color}"/>`,
    ),
    `<rect width="${f(width)}" height="${f(height)}" fill="#f4f4f0"/>`,
    `<rect data-focal-point="" x="${f(CX - PITCH_HALF_X)}" y="${f(CY - PITCH_HALF_Y)}" width="${2 * PITCH_HALF_X}" height="${2 * PITCH_HALF_Y}" fill="#3a8f3a" stroke="#fff" stroke-width="3"/>`,
    `<line x1="${f(CX)}" y1="${f(CY - PITCH_HALF_Y)}" x2="${f(CX)}" y2="${f(CY + PITCH_HALF_Y)}" stroke="#fff" stroke-width="3"/>`,
    `<circle cx="${f(CX)}" cy="${f(CY)}" r="91.5" fill="none" stroke="#fff" stroke-width="3"/>`,
    '<g fill="#d9d9d4" stroke="#bbb">',
  ];
  ring(LOWER, out);
  ring(UPPER, out);
  out.push('</g></svg>');
  return out.join('');
}

export const DEMO_STADIUM_CATEGORIES = CATEGORIES;
