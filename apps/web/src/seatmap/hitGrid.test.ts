import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHitGrid, forEachInBounds, nearestInGrid } from './hitGrid.ts';

const xyOf = (points: [number, number][]) => new Float32Array(points.flat());

describe('seat hit-testing grid', () => {
  const xy = xyOf([
    [0, 0],
    [10, 0],
    [20, 0],
    [0, 10],
    [10, 10],
  ]);
  const grid = buildHitGrid(xy, 8);

  it('finds the seat under the pointer', () => {
    expect(nearestInGrid(grid, xy, 9, 1, 4)).toBe(1);
    expect(nearestInGrid(grid, xy, 11, 9, 4)).toBe(4);
  });

  it('finds nothing between seats when the pointer is out of reach', () => {
    expect(nearestInGrid(grid, xy, 5, 5, 3)).toBe(-1);
    expect(nearestInGrid(grid, xy, 500, 500, 10)).toBe(-1);
  });

  it('lists at least the seats inside a rectangle', () => {
    const seen: number[] = [];
    forEachInBounds(grid, { minX: 9, minY: -1, maxX: 21, maxY: 1 }, (i) => seen.push(i));
    expect(seen).toEqual(expect.arrayContaining([1, 2]));
    const none: number[] = [];
    forEachInBounds(grid, { minX: 100, minY: 100, maxX: 200, maxY: 200 }, (i) => none.push(i));
    expect(none).toEqual([]);
  });

  it('agrees with a brute-force nearest search', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 300 }));
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 200 }),
        point,
        fc.integer({ min: 1, max: 40 }),
        (seats, [px, py], reach) => {
          const xy = xyOf(seats);
          const grid = buildHitGrid(xy, 12);
          const found = nearestInGrid(grid, xy, px, py, reach);
          const dist = (i: number) => Math.hypot(xy[i * 2]! - px, xy[i * 2 + 1]! - py);
          let best = Infinity;
          for (let i = 0; i < seats.length; i++) best = Math.min(best, dist(i));
          if (best > reach) expect(found).toBe(-1);
          else expect(dist(found)).toBeCloseTo(best, 5);
        },
      ),
    );
  });

  it('indexes every seat exactly once', () => {
    const seats = Array.from({ length: 5000 }, (_, i): [number, number] => [
      (i % 100) * 5,
      Math.floor(i / 100) * 6,
    ]);
    const g = buildHitGrid(xyOf(seats), 10);
    const seen = new Uint8Array(seats.length);
    forEachInBounds(g, { minX: -1, minY: -1, maxX: 1000, maxY: 1000 }, (i) => seen[i]!++);
    expect(seen.every((n) => n === 1)).toBe(true);
  });
});
