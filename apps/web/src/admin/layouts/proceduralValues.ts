/**
 * The procedural layout form's values (text, as typed) and the generator spec they stand for. Kept
 * apart from the form so the mapping, including readable messages for what cannot be parsed, is
 * tested directly.
 */
import type { ProceduralSpec } from '@ticketing/seatmap';

export type GapRow = { row: string; from: string; to: string };
export type RowSeats = { row: string; seats: string };
export type CategoryRow = { key: string; label: string; color: string; from: string; to: string };

export type ProceduralValues = {
  name: string;
  rows: string;
  seatsPerRow: string;
  aisles: string;
  labelScheme: 'letters' | 'numbers';
  skip: string;
  start: string;
  numbering: 'left-to-right' | 'right-to-left';
  gaps: GapRow[];
  missing: RowSeats[];
  wheelchair: RowSeats[];
  categories: CategoryRow[];
};

/** "1, 2, 5-8" → [1, 2, 5, 6, 7, 8]; anything else is reported with `what` naming the field. */
export function parseNumberList(text: string, what: string): { numbers: number[]; problems: string[] } {
  const numbers: number[] = [];
  const problems: string[] = [];
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(token);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to < from || to - from > 1000) problems.push(`${what}: ‘${token}’ is not a usable range`);
      else for (let n = from; n <= to; n++) numbers.push(n);
    } else if (/^\d+$/.test(token)) numbers.push(Number(token));
    else problems.push(`${what}: ‘${token}’ is not a seat number`);
  }
  return { numbers, problems };
}

/** [1, 2, 3, 7] → "1-3, 7". */
export function formatNumberList(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i + 1 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

export const slugKey = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32);

const wholeNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

export function specFromValues(v: ProceduralValues): { spec: ProceduralSpec; problems: string[] } {
  const problems: string[] = [];
  const letters = v.labelScheme === 'letters';
  const row = (text: string) => (letters ? text.trim().toUpperCase() : text.trim());
  const list = (text: string, what: string) => {
    const parsed = parseNumberList(text, what);
    problems.push(...parsed.problems);
    return parsed.numbers;
  };

  const missing = v.missing.flatMap((m, i) =>
    list(m.seats, `Missing seats ${i + 1}`).map((seat) => ({ row: row(m.row), seat })),
  );
  const wheelchair = v.wheelchair.map((w, i) => ({
    row: row(w.row),
    seats: list(w.seats, `Wheelchair spaces ${i + 1}`),
  }));
  const skip = v.skip
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((s) => (letters ? s.toUpperCase() : s));

  const spec: ProceduralSpec = {
    rows: wholeNumber(v.rows),
    seatsPerRow: wholeNumber(v.seatsPerRow),
    aisles: list(v.aisles, 'Aisles'),
    gaps: v.gaps.map((g) => ({ row: row(g.row), from: wholeNumber(g.from), to: wholeNumber(g.to) })),
    missing,
    wheelchair,
    rowLabels: { scheme: v.labelScheme, skip, ...(v.start.trim() ? { start: row(v.start) } : {}) },
    numbering: v.numbering,
    categories: v.categories.map((c) => ({
      key: c.key.trim() || slugKey(c.label),
      label: c.label.trim(),
      color: c.color,
      rows: [row(c.from), row(c.to)],
    })),
    screenAt: 'top',
  };
  return { spec, problems };
}

export function valuesFromSpec(spec: ProceduralSpec, name: string): ProceduralValues {
  const missingByRow = new Map<string, number[]>();
  for (const m of spec.missing ?? []) missingByRow.set(m.row, [...(missingByRow.get(m.row) ?? []), m.seat]);
  return {
    name,
    rows: String(spec.rows),
    seatsPerRow: String(spec.seatsPerRow),
    aisles: formatNumberList(spec.aisles ?? []),
    labelScheme: spec.rowLabels.scheme,
    skip: (spec.rowLabels.skip ?? (spec.rowLabels.scheme === 'letters' ? ['I', 'O'] : [])).join(', '),
    start: spec.rowLabels.start ?? '',
    numbering: spec.numbering,
    gaps: (spec.gaps ?? []).map((g) => ({ row: g.row, from: String(g.from), to: String(g.to) })),
    missing: [...missingByRow].map(([row, seats]) => ({ row, seats: formatNumberList(seats) })),
    wheelchair: (spec.wheelchair ?? []).map((w) => ({ row: w.row, seats: formatNumberList(w.seats) })),
    categories: spec.categories.map((c) => ({
      key: c.key,
      label: c.label,
      color: c.color,
      from: c.rows[0],
      to: c.rows[1],
    })),
  };
}
