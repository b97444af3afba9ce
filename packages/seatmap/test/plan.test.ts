import { describe, expect, test } from 'vitest';
import {
  applySectionCategories,
  categoriesInUse,
  demoCinema,
  type Plan,
  planCapacity,
  planSeats,
  seatIndex,
  validatePlan,
} from '../src/index.ts';

function plan(): Plan {
  return {
    version: 1,
    kind: 'svg',
    width: 100,
    height: 100,
    focalPoint: { x: 50, y: 0 },
    categories: [
      { key: 'a', label: 'A', color: '#ff0000' },
      { key: 'b', label: 'B', color: '#00ff00' },
      { key: 'unused', label: 'Unused', color: '#0000ff' },
    ],
    sections: [
      {
        id: 's1',
        label: 'One',
        rows: [
          {
            label: '1',
            seats: [
              { id: 'x1', label: '1', x: 10, y: 10, category: 'a' },
              { id: 'x2', label: '2', x: 20, y: 10, category: 'b' },
            ],
          },
        ],
      },
      {
        id: 's2',
        label: 'Two',
        rows: [{ label: '1', seats: [{ id: 'y1', label: '1', x: 10, y: 50, category: 'a' }] }],
      },
    ],
    gaAreas: [
      {
        id: 'pit',
        label: 'Pit',
        capacity: 500,
        category: 'b',
        polygon: [
          [0, 0],
          [10, 0],
          [10, 10],
        ],
      },
    ],
  };
}

describe('plan helpers', () => {
  test('planSeats lists every seat in section, row, seat order', () => {
    expect(planSeats(plan()).map((s) => s.id)).toEqual(['x1', 'x2', 'y1']);
  });

  test('planCapacity counts seats and general admission places', () => {
    expect(planCapacity(plan())).toBe(503);
    expect(planCapacity(demoCinema())).toBe(240);
  });

  test('categoriesInUse lists the categories seats and GA areas use, in plan order', () => {
    expect(categoriesInUse(plan())).toEqual(['a', 'b']);
  });

  test('seatIndex finds section, row and position of a seat by id', () => {
    const where = seatIndex(plan()).get('x2');
    expect(where?.section.id).toBe('s1');
    expect(where?.row.label).toBe('1');
    expect(where?.indexInRow).toBe(1);
    expect(where?.seat.category).toBe('b');
  });

  test('applySectionCategories fills seats without a category and adds missing categories', () => {
    const p = plan();
    const row = p.sections[1]?.rows[0];
    if (row?.seats[0]) row.seats[0].category = '';
    expect(validatePlan(p)).toEqual(['1 seat has no category (y1)']);
    const mapped = applySectionCategories(p, { s2: 'balcony', s1: 'b' });
    expect(planSeats(mapped).map((s) => s.category)).toEqual(['a', 'b', 'balcony']);
    expect(mapped.categories.map((c) => c.key)).toEqual(['a', 'b', 'unused', 'balcony']);
    expect(validatePlan(mapped)).toEqual([]);
    expect(planSeats(p)[2]?.category).toBe(''); // the input is not changed
    const overwritten = applySectionCategories(p, { s1: 'b' }, { overwrite: true });
    expect(planSeats(overwritten).map((s) => s.category)).toEqual(['b', 'b', '']);
  });
});

describe('validatePlan', () => {
  test('accepts a good plan', () => {
    expect(validatePlan(plan())).toEqual([]);
  });

  test('names duplicate seat ids', () => {
    const p = plan();
    p.sections[1]?.rows[0]?.seats.push({ id: 'x1', label: '2', x: 20, y: 50, category: 'a' });
    expect(validatePlan(p)).toEqual(['duplicate seat ids: x1']);
  });

  test('reports seats with unknown categories', () => {
    const p = plan();
    p.categories = p.categories.filter((c) => c.key !== 'b');
    expect(validatePlan(p)).toEqual([
      "general admission area 'pit' has unknown category 'b'",
      "1 seat has unknown category 'b' (x2)",
    ]);
  });

  test('reports an empty plan', () => {
    expect(validatePlan({ ...plan(), sections: [], gaAreas: [] })).toEqual([
      'the plan is empty: it has no seats and no general admission areas',
    ]);
  });

  test('reports coordinates that are not finite', () => {
    const p = plan();
    const seat = p.sections[0]?.rows[0]?.seats[0];
    if (seat) seat.x = Number.NaN;
    p.focalPoint = { x: Number.POSITIVE_INFINITY, y: 0 };
    expect(validatePlan(p)).toEqual([
      'focal point must have finite x and y',
      'seat coordinates must be finite numbers: x1',
    ]);
  });

  test('reports bad structure from stored JSON', () => {
    const p = { ...plan(), version: 2, width: -1 } as unknown as Plan;
    p.gaAreas[0] = { ...(p.gaAreas[0] as Plan['gaAreas'][number]), capacity: 0.5 };
    p.categories.push({ key: 'a', label: 'again', color: 'blue' });
    expect(validatePlan(p)).toEqual([
      'unsupported plan version 2; expected 1',
      'width and height must be positive finite numbers',
      "category 'a' is defined twice",
      "category 'a' colour must be a hex colour like #1e88e5",
      "general admission area 'pit' capacity must be a whole number of at least 1",
    ]);
  });
});
