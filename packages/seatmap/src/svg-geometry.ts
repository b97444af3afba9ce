/**
 * The bits of SVG geometry the importer needs: transforms (all six SVG 1.1 functions: matrix,
 * translate, scale, rotate with optional centre, skewX, skewY), shape centres and outlines.
 * Path outlines keep the end point of every segment; curves and arcs are not subdivided.
 */

/** Affine matrix [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function applyMatrix(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

const NUMBER = /[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/g;

function numbers(text: string): number[] {
  return (text.match(NUMBER) ?? []).map(Number);
}

const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Longer transform lists are not real drawings; the cap also bounds the regex work. */
const MAX_TRANSFORM_LENGTH = 4_096;

/**
 * Parses a `transform` attribute: IDENTITY when absent or empty, null when it holds anything the
 * importer does not understand (the caller warns and ignores it).
 */
export function parseTransform(text: string | undefined): Matrix | null {
  if (text === undefined || text.trim() === '') return IDENTITY;
  if (text.length > MAX_TRANSFORM_LENGTH) return null;
  let m = IDENTITY;
  let valid = true;
  const rest = text.replace(/([a-zA-Z]+)\s*\(([^)]*)\)/g, (_, name: string, args: string) => {
    const t = transformFunction(name, numbers(args));
    if (t === null) valid = false;
    else m = multiply(m, t);
    return ' ';
  });
  return valid && rest.replace(/[\s,]/g, '') === '' ? m : null;
}

function transformFunction(name: string, a: number[]): Matrix | null {
  const [p = 0, q, r] = a;
  switch (name) {
    case 'matrix':
      return a.length === 6 ? (a as Matrix) : null;
    case 'translate':
      return a.length === 1 || a.length === 2 ? [1, 0, 0, 1, p, q ?? 0] : null;
    case 'scale':
      return a.length === 1 || a.length === 2 ? [p, 0, 0, q ?? p, 0, 0] : null;
    case 'rotate': {
      if (a.length !== 1 && a.length !== 3) return null;
      const cos = Math.cos(rad(p));
      const sin = Math.sin(rad(p));
      const rotation: Matrix = [cos, sin, -sin, cos, 0, 0];
      if (a.length === 1) return rotation;
      const cx = q ?? 0;
      const cy = r ?? 0;
      return multiply(multiply([1, 0, 0, 1, cx, cy], rotation), [1, 0, 0, 1, -cx, -cy]);
    }
    case 'skewX':
      return a.length === 1 ? [1, 0, Math.tan(rad(p)), 1, 0, 0] : null;
    case 'skewY':
      return a.length === 1 ? [1, Math.tan(rad(p)), 0, 1, 0, 0] : null;
    default:
      return null;
  }
}

/** A length attribute in user units (`12`, `12.5px`); NaN for anything relative (`50%`, `2em`). */
export function length(value: string | undefined, fallback = Number.NaN): number {
  if (value === undefined) return fallback;
  const m = /^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*(?:px)?\s*$/.exec(value);
  return m ? Number(m[1]) : Number.NaN;
}

/** `points="x,y x,y …"` of polygon/polyline. */
export function parsePoints(text: string | undefined): [number, number][] {
  const n = numbers(text ?? '');
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < n.length; i += 2) out.push([n[i] ?? 0, n[i + 1] ?? 0]);
  return out;
}

const COMMAND = /[MmLlHhVvCcSsQqTtAaZz]/;
const ARGS: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };

/** Tokens of a path: commands and numbers, with arc flags read as single digits as SVG allows. */
function pathTokens(d: string): (string | number)[] {
  const tokens: (string | number)[] = [];
  const number = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/;
  let i = 0;
  let command = '';
  let argIndex = 0;
  while (i < d.length) {
    const ch = d[i] ?? '';
    if (/[\s,]/.test(ch)) {
      i++;
    } else if (COMMAND.test(ch)) {
      tokens.push(ch);
      command = ch.toLowerCase();
      argIndex = 0;
      i++;
    } else if (command === 'a' && (argIndex % 7 === 3 || argIndex % 7 === 4) && (ch === '0' || ch === '1')) {
      tokens.push(Number(ch));
      argIndex++;
      i++;
    } else {
      const m = number.exec(d.slice(i, i + 64));
      if (!m) return [];
      tokens.push(Number(m[0]));
      argIndex++;
      i += m[0].length;
    }
  }
  return tokens;
}

/** Outline of the first subpath of `d`, one point per segment end (curves and arcs by their end). */
export function parsePathOutline(d: string | undefined, maxPoints = 5_000): [number, number][] {
  const tokens = pathTokens(d ?? '');
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  let i = 0;
  let command = '';
  while (i < tokens.length && out.length < maxPoints) {
    const token = tokens[i];
    if (typeof token === 'string') {
      if ((token === 'M' || token === 'm') && out.length > 0) break;
      if (token === 'z' || token === 'Z') break;
      command = token;
      i++;
      continue;
    }
    const lower = command.toLowerCase();
    const count = ARGS[lower] ?? 0;
    if (count === 0) return [];
    const args = tokens.slice(i, i + count);
    if (args.length < count || args.some((a) => typeof a !== 'number')) return [];
    const a = args as number[];
    const relative = command === lower;
    if (lower === 'h') x = (relative ? x : 0) + (a[0] ?? 0);
    else if (lower === 'v') y = (relative ? y : 0) + (a[0] ?? 0);
    else {
      x = (relative ? x : 0) + (a[count - 2] ?? 0);
      y = (relative ? y : 0) + (a[count - 1] ?? 0);
    }
    out.push([x, y]);
    i += count;
    if (lower === 'm') command = relative ? 'l' : 'L';
  }
  return out;
}
