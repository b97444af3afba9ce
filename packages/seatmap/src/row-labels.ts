/** Row label sequences: A…Z, AA, AB… over an alphabet without skipped letters, or 1, 2, 3… */

export interface RowLabelScheme {
  scheme: 'letters' | 'numbers';
  /** Letters left out of the alphabet (letters scheme, default I and O) or labels left out (numbers). */
  skip?: string[];
  /** The first label; defaults to the first of the sequence (A or 1). */
  start?: string;
}

export const DEFAULT_SKIPPED_LETTERS = ['I', 'O'];
const MAX_NUMBER_LABEL = 100_000;

function alphabet(skip: readonly string[]): string[] {
  const skipped = new Set(skip.map((s) => s.toUpperCase()));
  const letters: string[] = [];
  for (let code = 65; code <= 90; code++) {
    const letter = String.fromCharCode(code);
    if (!skipped.has(letter)) letters.push(letter);
  }
  return letters;
}

/** Bijective base-N: 0 → A, N-1 → Z, N → AA. */
function lettersAt(position: number, letters: readonly string[]): string {
  let n = position + 1;
  let label = '';
  while (n > 0) {
    n--;
    label = letters[n % letters.length] + label;
    n = Math.floor(n / letters.length);
  }
  return label;
}

function lettersPosition(label: string, letters: readonly string[]): number {
  let n = 0;
  for (const ch of label) {
    const digit = letters.indexOf(ch);
    if (digit < 0) return -1;
    n = n * letters.length + digit + 1;
  }
  return n - 1;
}

/** Problems with the scheme itself, as sentences (empty = usable). */
export function validateRowLabelScheme(scheme: RowLabelScheme): string[] {
  const problems: string[] = [];
  if (scheme.scheme !== 'letters' && scheme.scheme !== 'numbers') {
    return ["row label scheme must be 'letters' or 'numbers'"];
  }
  const skip = scheme.skip ?? (scheme.scheme === 'letters' ? DEFAULT_SKIPPED_LETTERS : []);
  if (!Array.isArray(skip) || skip.length > 100 || !skip.every((s) => typeof s === 'string')) {
    return ['skipped row labels must be a list of at most 100 strings'];
  }
  if (scheme.scheme === 'letters') {
    const bad = skip.filter((s) => !/^[A-Za-z]$/.test(s));
    if (bad.length > 0) problems.push(`skipped letters must be single letters A–Z: ${bad.join(', ')}`);
    else if (alphabet(skip).length < 2) problems.push('at least two letters must remain after skipping');
  }
  if (scheme.start !== undefined) {
    if (typeof scheme.start !== 'string' || rowLabelStartPosition(scheme) < 0) {
      problems.push(`row labels cannot start at '${String(scheme.start)}' with this scheme`);
    }
  }
  return problems;
}

function rowLabelStartPosition(scheme: RowLabelScheme): number {
  const start = scheme.start;
  if (start === undefined || start === '') return 0;
  if (scheme.scheme === 'letters') {
    if (!/^[A-Za-z]{1,4}$/.test(start)) return -1;
    return lettersPosition(start.toUpperCase(), alphabet(scheme.skip ?? DEFAULT_SKIPPED_LETTERS));
  }
  if (!/^[1-9][0-9]{0,4}$/.test(start)) return -1;
  const skip = new Set(scheme.skip ?? []);
  return skip.has(start) ? -1 : Number(start) - 1;
}

/** The first `count` labels of the scheme. Assumes validateRowLabelScheme returned no problems. */
export function rowLabels(scheme: RowLabelScheme, count: number): string[] {
  const start = Math.max(0, rowLabelStartPosition(scheme));
  const labels: string[] = [];
  if (scheme.scheme === 'letters') {
    const letters = alphabet(scheme.skip ?? DEFAULT_SKIPPED_LETTERS);
    for (let i = 0; i < count; i++) labels.push(lettersAt(start + i, letters));
    return labels;
  }
  const skip = new Set(scheme.skip ?? []);
  for (let n = start + 1; labels.length < count && n <= MAX_NUMBER_LABEL; n++) {
    const label = String(n);
    if (!skip.has(label)) labels.push(label);
  }
  return labels;
}
