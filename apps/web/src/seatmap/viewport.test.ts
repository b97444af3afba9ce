import { describe, expect, it } from 'vitest';
import { fitViewport, toPlan, toScreen, visibleBounds, zoomAt, zoomLimits } from './viewport.ts';

const bounds = { minX: 0, minY: 0, maxX: 1000, maxY: 500 };

describe('seat map viewport', () => {
  it('fits the whole plan, centred, inside the padding', () => {
    const v = fitViewport(bounds, { width: 600, height: 600 }, 50);
    expect(v.k).toBeCloseTo(0.5);
    expect(toScreen(v, 0, 0)).toEqual({ x: 50, y: 175 });
    expect(toScreen(v, 1000, 500)).toEqual({ x: 550, y: 425 });
  });

  it('keeps the plan point under the cursor still while zooming', () => {
    const v = fitViewport(bounds, { width: 800, height: 400 });
    const before = toPlan(v, 123, 77);
    const zoomed = zoomAt(v, 3, 123, 77, { min: 0, max: 100 });
    const after = toPlan(zoomed, 123, 77);
    expect(zoomed.k).toBeCloseTo(v.k * 3);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('stops zooming at the limits', () => {
    const v = { k: 1, tx: 0, ty: 0 };
    expect(zoomAt(v, 100, 0, 0, { min: 0.5, max: 4 }).k).toBe(4);
    expect(zoomAt(v, 0.01, 0, 0, { min: 0.5, max: 4 }).k).toBe(0.5);
  });

  it('allows zooming in until a seat is about 40 px wide, and a little out beyond the fit', () => {
    const limits = zoomLimits({ k: 0.3, tx: 0, ty: 0 }, 2);
    expect(limits.max * 2 * 2).toBeCloseTo(40);
    expect(limits.min).toBeLessThan(0.3);
  });

  it('reports the visible part of the plan in plan units', () => {
    const view = visibleBounds({ k: 2, tx: -100, ty: -50 }, { width: 400, height: 200 }, 5);
    expect(view).toEqual({ minX: 45, minY: 20, maxX: 255, maxY: 130 });
  });
});
