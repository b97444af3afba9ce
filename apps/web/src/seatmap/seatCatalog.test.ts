import { demoCinema, type Plan } from '@ticketing/seatmap';
import { describe, expect, it } from 'vitest';
import { buildSeatCatalog, freeBySection, pointInPolygon, seatInfo } from './seatCatalog.ts';

const twoSections: Plan = {
  version: 1,
  kind: 'svg',
  width: 100,
  height: 100,
  categories: [
    { key: 'a', label: 'A', color: '#0072b2' },
    { key: 'b', label: 'B', color: '#e69f00' },
  ],
  sections: [
    {
      id: 'left',
      label: 'Left',
      polygon: [
        [0, 0],
        [40, 0],
        [40, 40],
        [0, 40],
      ],
      rows: [
        {
          label: '1',
          seats: [
            { id: 'l1', label: '1', x: 5, y: 5, category: 'a' },
            { id: 'l2', label: '2', x: 10, y: 5, category: 'b' },
            { id: 'l3', label: '3', x: 15, y: 5, category: 'b' },
          ],
        },
      ],
    },
    {
      id: 'right',
      label: 'Right',
      rows: [{ label: '1', seats: [{ id: 'r1', label: '1', x: 60, y: 5, category: 'a', accessible: true }] }],
    },
  ],
  gaAreas: [],
  focalPoint: { x: 50, y: 90 },
};

describe('seat catalog', () => {
  it('numbers seats in plan order, the order of the availability string', () => {
    const c = buildSeatCatalog(twoSections);
    expect(c.ids).toEqual(['l1', 'l2', 'l3', 'r1']);
    expect(c.indexOf.get('r1')).toBe(3);
    expect(c.sections.map((s) => [s.id, s.start, s.end])).toEqual([
      ['left', 0, 3],
      ['right', 3, 4],
    ]);
    expect(c.accessible[3]).toBe(1);
  });

  it('colours a section by the category most of its seats are in, and bounds it by its polygon or seats', () => {
    const c = buildSeatCatalog(twoSections);
    expect(c.sections[0]!.category).toBe('b');
    expect(c.sections[0]!.bounds).toEqual({ minX: 0, minY: 0, maxX: 40, maxY: 40 });
    expect(c.sections[1]!.bounds).toEqual({ minX: 60, minY: 5, maxX: 60, maxY: 5 });
  });

  it('describes a seat for the tooltip', () => {
    const plan = demoCinema();
    const c = buildSeatCatalog(plan);
    const labels = plan.sections.flatMap((s) => s.rows.flatMap((r) => r.seats.map((seat) => seat.label)));
    expect(seatInfo(c, labels, 0)).toMatchObject({ row: 'A', label: '1', section: plan.sections[0]!.label });
  });

  it('counts free seats per section from live statuses', () => {
    const c = buildSeatCatalog(twoSections);
    expect([...freeBySection(c, new Uint8Array([0, 2, 0, 1]))]).toEqual([2, 0]);
  });

  it('tells whether a point is inside a polygon', () => {
    const square: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    expect(pointInPolygon(square, 5, 5)).toBe(true);
    expect(pointInPolygon(square, 15, 5)).toBe(false);
  });
});
