import { demoCinema } from '@ticketing/seatmap';
import { describe, expect, it } from 'vitest';
import { buildHitGrid } from './hitGrid.ts';
import { hitTestMap } from './hitTest.ts';
import { preparePlan } from './prepare.ts';
import { buildSeatCatalog } from './seatCatalog.ts';
import { toScreen } from './viewport.ts';

describe('what is under the pointer', () => {
  const plan = demoCinema();
  const prepared = preparePlan(plan);
  const catalog = buildSeatCatalog(plan);
  const grid = buildHitGrid(prepared.seatXY, prepared.seatRadius * 5);
  const v = { k: 0.8, tx: 10, ty: 20 };

  it('finds the seat drawn at a screen point', () => {
    const i = catalog.indexOf.get(catalog.ids[37]!)!;
    const at = toScreen(v, prepared.seatXY[i * 2]!, prepared.seatXY[i * 2 + 1]!);
    expect(hitTestMap(prepared, catalog, grid, v, at.x + 2, at.y - 2, false)).toEqual({
      kind: 'seat',
      index: 37,
    });
  });

  it('finds the section instead of seats when zoomed out to sections', () => {
    const s = catalog.sections[0]!;
    const at = toScreen(v, (s.bounds.minX + s.bounds.maxX) / 2, (s.bounds.minY + s.bounds.maxY) / 2);
    expect(hitTestMap(prepared, catalog, grid, v, at.x, at.y, true)).toEqual({ kind: 'section', index: 0 });
  });

  it('finds a standing area where there are no seats', () => {
    const withPit = {
      ...plan,
      gaAreas: [
        {
          id: 'pit',
          label: 'Pit',
          capacity: 100,
          category: 'standard',
          polygon: [
            [-400, -400],
            [-200, -400],
            [-200, -200],
            [-400, -200],
          ] as [number, number][],
        },
      ],
    };
    const p = preparePlan(withPit);
    const at = toScreen(v, -300, -300);
    expect(hitTestMap(p, catalog, grid, v, at.x, at.y, false)).toEqual({ kind: 'ga', id: 'pit' });
  });

  it('finds nothing outside the plan', () => {
    expect(hitTestMap(prepared, catalog, grid, v, -500, -500, false)).toBeNull();
  });
});
