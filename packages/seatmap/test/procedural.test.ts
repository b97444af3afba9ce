import { describe, expect, test } from 'vitest';
import {
  generateProceduralPlan,
  type Plan,
  type ProceduralSpec,
  ProceduralSpecError,
  planSeats,
  rowLabels,
  validatePlan,
  validateProceduralSpec,
} from '../src/index.ts';

function spec(overrides: Partial<ProceduralSpec> = {}): ProceduralSpec {
  return {
    rows: 5,
    seatsPerRow: 10,
    aisles: [],
    rowLabels: { scheme: 'letters' },
    numbering: 'left-to-right',
    categories: [{ key: 'std', label: 'Standard', color: '#336699', rows: ['A', 'E'] }],
    ...overrides,
  };
}

const row = (plan: Plan, label: string) => {
  const found = plan.sections[0]?.rows.find((r) => r.label === label);
  if (!found) throw new Error(`no row ${label}`);
  return found;
};

describe('row labels', () => {
  test('skip I and O by default', () => {
    expect(rowLabels({ scheme: 'letters' }, 16).join('')).toBe('ABCDEFGHJKLMNPQR');
  });

  test('continue with AA, AB after Z, never using skipped letters', () => {
    const labels = rowLabels({ scheme: 'letters' }, 30);
    expect(labels.slice(23, 28)).toEqual(['Z', 'AA', 'AB', 'AC', 'AD']);
    expect(labels.some((l) => /[IO]/.test(l))).toBe(false);
  });

  test('skip only the letters given, and can start later', () => {
    expect(rowLabels({ scheme: 'letters', skip: [], start: 'H' }, 3)).toEqual(['H', 'I', 'J']);
    expect(rowLabels({ scheme: 'letters', skip: ['B'], start: 'Z' }, 3)).toEqual(['Z', 'AA', 'AC']);
  });

  test('numbers count from 1 or the start, leaving out skipped labels', () => {
    expect(rowLabels({ scheme: 'numbers', start: '11', skip: ['13'] }, 4)).toEqual(['11', '12', '14', '15']);
  });
});

describe('procedural generator', () => {
  test('labels rows A, B… from the screen and skips I and O', () => {
    const plan = generateProceduralPlan(
      spec({ rows: 12, categories: [{ key: 'std', label: 'S', color: '#123', rows: ['A', 'M'] }] }),
    );
    expect(plan.sections[0]?.rows.map((r) => r.label).join('')).toBe('ABCDEFGHJKLM');
    const ys = plan.sections[0]?.rows.map((r) => r.seats[0]?.y ?? 0) ?? [];
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(plan.focalPoint.y).toBeLessThan(ys[0] ?? 0);
  });

  test('seats across an aisle are not adjacent and the aisle widens the row', () => {
    const plan = generateProceduralPlan(spec({ aisles: [4] }));
    const seats = row(plan, 'A').seats;
    expect(seats.filter((s) => s.breakBefore).map((s) => s.label)).toEqual(['5']);
    const pitch = (seats[1]?.x ?? 0) - (seats[0]?.x ?? 0);
    expect((seats[4]?.x ?? 0) - (seats[3]?.x ?? 0)).toBeCloseTo(2 * pitch);
  });

  test('gaps and missing seats leave holes that break adjacency', () => {
    const plan = generateProceduralPlan(
      spec({ gaps: [{ row: 'B', from: 1, to: 3 }], missing: [{ row: 'C', seat: 6 }] }),
    );
    expect(row(plan, 'B').seats.map((s) => s.id)).toEqual([
      'r1-s3',
      'r1-s4',
      'r1-s5',
      'r1-s6',
      'r1-s7',
      'r1-s8',
      'r1-s9',
    ]);
    expect(row(plan, 'B').seats.some((s) => s.breakBefore)).toBe(false);
    const c = row(plan, 'C').seats;
    expect(c).toHaveLength(9);
    expect(c.find((s) => s.id === 'r2-s6')?.breakBefore).toBe(true);
  });

  test('wheelchair spaces are accessible and the seats beside them are companions, not across an aisle', () => {
    const plan = generateProceduralPlan(spec({ aisles: [5], wheelchair: [{ row: 'E', seats: [1, 2, 6] }] }));
    const e = row(plan, 'E').seats;
    expect(e.filter((s) => s.accessible).map((s) => s.id)).toEqual(['r4-s0', 'r4-s1', 'r4-s5']);
    // Seat 5 is across the aisle from wheelchair space 6, so only 3 and 7 are companions.
    expect(e.filter((s) => s.companion).map((s) => s.id)).toEqual(['r4-s2', 'r4-s6']);
  });

  test('numbering right-to-left relabels seats without moving them or changing ids', () => {
    const ltr = generateProceduralPlan(spec({ aisles: [3], missing: [{ row: 'A', seat: 1 }] }));
    const rtl = generateProceduralPlan(
      spec({ aisles: [3], missing: [{ row: 'A', seat: 1 }], numbering: 'right-to-left' }),
    );
    const a = row(ltr, 'A').seats;
    const b = row(rtl, 'A').seats;
    expect(b.map((s) => [s.id, s.x, s.y])).toEqual(a.map((s) => [s.id, s.x, s.y]));
    expect(a.map((s) => s.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(b.map((s) => s.label)).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1']);
  });

  test('categories follow row ranges', () => {
    const plan = generateProceduralPlan(
      spec({
        categories: [
          { key: 'front', label: 'Front', color: '#111111', rows: ['A', 'B'] },
          { key: 'back', label: 'Back', color: '#222222', rows: ['C', 'E'] },
        ],
      }),
    );
    const byRow = plan.sections[0]?.rows.map(
      (r) => `${r.label}:${[...new Set(r.seats.map((s) => s.category))]}`,
    );
    expect(byRow).toEqual(['A:front', 'B:front', 'C:back', 'D:back', 'E:back']);
    expect(plan.categories).toEqual([
      { key: 'front', label: 'Front', color: '#111111' },
      { key: 'back', label: 'Back', color: '#222222' },
    ]);
  });

  test('seat ids stay the same when rows are relabelled', () => {
    const letters = generateProceduralPlan(spec());
    const numbers = generateProceduralPlan(
      spec({
        rowLabels: { scheme: 'numbers', start: '10' },
        categories: [{ key: 'std', label: 'S', color: '#123', rows: ['10', '14'] }],
      }),
    );
    expect(planSeats(numbers).map((s) => s.id)).toEqual(planSeats(letters).map((s) => s.id));
    expect(numbers.sections[0]?.rows.map((r) => r.label)).toEqual(['10', '11', '12', '13', '14']);
  });

  test('seat ids are unique and the plan is valid', () => {
    const plan = generateProceduralPlan(
      spec({
        rows: 100,
        seatsPerRow: 150,
        categories: [{ key: 'x', label: 'X', color: '#000', rows: ['A', 'DD'] }],
      }),
    );
    expect(planSeats(plan)).toHaveLength(15_000);
    expect(validatePlan(plan)).toEqual([]);
    const inside = planSeats(plan).every((s) => s.x > 0 && s.x < plan.width && s.y > 0 && s.y < plan.height);
    expect(inside).toBe(true);
  });

  test('throws every problem of an invalid spec', () => {
    expect(() => generateProceduralPlan(spec({ rows: 0 }))).toThrow(ProceduralSpecError);
    try {
      generateProceduralPlan(spec({ rows: 0, seatsPerRow: 151 }));
    } catch (error) {
      expect((error as ProceduralSpecError).problems).toEqual([
        'rows must be between 1 and 100',
        'seats per row must be between 1 and 150',
      ]);
    }
  });
});

describe('procedural spec validation', () => {
  test('accepts a good spec', () => {
    expect(validateProceduralSpec(spec({ aisles: [2, 8], wheelchair: [{ row: 'E', seats: [1] }] }))).toEqual(
      [],
    );
  });

  test('limits rows and seats so a hostile spec cannot allocate millions of seats', () => {
    expect(validateProceduralSpec(spec({ rows: 1_000_000 }))).toContain('rows must be between 1 and 100');
    expect(validateProceduralSpec(spec({ seatsPerRow: 2.5 }))).toContain(
      'seats per row must be between 1 and 150',
    );
    const missing = Array.from({ length: 20_000 }, () => ({ row: 'A', seat: 1 }));
    expect(validateProceduralSpec(spec({ missing }))).toContain(
      'missing seats can have at most 15000 entries',
    );
  });

  test('names a reversed category row range', () => {
    const problems = validateProceduralSpec(
      spec({
        categories: [
          { key: 'vip', label: 'VIP', color: '#ff0000', rows: ['C', 'B'] },
          { key: 'std', label: 'Std', color: '#00ff00', rows: ['A', 'E'] },
        ],
      }),
    );
    expect(problems).toContain("category 'vip' row range C–B is reversed");
  });

  test('names the rows without a category', () => {
    expect(
      validateProceduralSpec(
        spec({ rows: 6, categories: [{ key: 'a', label: 'A', color: '#000', rows: ['A', 'E'] }] }),
      ),
    ).toEqual(['every row needs a category: row F has none']);
    expect(
      validateProceduralSpec(
        spec({ categories: [{ key: 'a', label: 'A', color: '#000', rows: ['B', 'C'] }] }),
      ),
    ).toEqual(['every row needs a category: rows A, D, E have none']);
  });

  test('rejects overlapping categories, duplicate keys and bad colours', () => {
    const problems = validateProceduralSpec(
      spec({
        categories: [
          { key: 'a', label: 'A', color: 'red', rows: ['A', 'C'] },
          { key: 'b', label: 'B', color: '#000', rows: ['C', 'E'] },
          { key: 'b', label: 'B', color: '#000', rows: ['E', 'E'] },
        ],
      }),
    );
    expect(problems).toContain("category 'a' colour must be a hex colour like #1e88e5");
    expect(problems).toContain("category 'b' is defined twice");
    expect(problems).toContain("row C is in both 'a' and 'b'");
  });

  test('rejects unknown rows and seats outside the row', () => {
    const problems = validateProceduralSpec(
      spec({
        aisles: [10, 0],
        gaps: [{ row: 'A', from: 5, to: 3 }],
        missing: [
          { row: 'Z', seat: 1 },
          { row: 'B', seat: 11 },
        ],
        wheelchair: [{ row: 'I', seats: [1] }],
      }),
    );
    expect(problems).toEqual([
      'an aisle after seat 10 is not inside the row (seats 1–10)',
      'an aisle after seat 0 is not inside the row (seats 1–10)',
      'gap in row A: seat range 5–3 is reversed',
      "missing seat: row 'Z' does not exist (rows A–E)",
      'missing seat 11 in row B is not inside the row (seats 1–10)',
      "wheelchair space: row 'I' does not exist (rows A–E)",
    ]);
  });

  test('rejects a wheelchair space where there is no seat', () => {
    expect(
      validateProceduralSpec(
        spec({
          gaps: [{ row: 'E', from: 1, to: 2 }],
          missing: [{ row: 'E', seat: 9 }],
          wheelchair: [{ row: 'E', seats: [2, 5, 9] }],
        }),
      ),
    ).toEqual(['wheelchair space 2, 9 in row E has no seat (missing or in a gap)']);
  });

  test('rejects a label start that the scheme cannot produce', () => {
    expect(validateProceduralSpec(spec({ rowLabels: { scheme: 'letters', start: 'I' } }))).toContain(
      "row labels cannot start at 'I' with this scheme",
    );
  });

  test('survives untyped JSON', () => {
    const junk = {
      rows: '5',
      seatsPerRow: null,
      aisles: 'x',
      rowLabels: 7,
      categories: {},
    } as unknown as ProceduralSpec;
    expect(validateProceduralSpec(junk).length).toBeGreaterThan(3);
    expect(validateProceduralSpec(null as unknown as ProceduralSpec)).toEqual([
      'the layout spec must be an object',
    ]);
  });
});
