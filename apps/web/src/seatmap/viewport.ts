/**
 * The map's camera: screen = plan × k + t, in CSS pixels. Pure functions, so zoom and pan rules are
 * tested without a canvas and the same camera can later drive hit-testing of seats.
 */
export type Viewport = { k: number; tx: number; ty: number };
export type Size = { width: number; height: number };
export type Bounds = { minX: number; minY: number; maxX: number; maxY: number };
export type ZoomLimits = { min: number; max: number };

/** The whole of `bounds`, centred, with `padding` CSS pixels left around it. */
export function fitViewport(bounds: Bounds, size: Size, padding = 16): Viewport {
  const w = Math.max(bounds.maxX - bounds.minX, 1);
  const h = Math.max(bounds.maxY - bounds.minY, 1);
  const availW = Math.max(size.width - 2 * padding, 1);
  const availH = Math.max(size.height - 2 * padding, 1);
  const k = Math.min(availW / w, availH / h);
  return {
    k,
    tx: (size.width - w * k) / 2 - bounds.minX * k,
    ty: (size.height - h * k) / 2 - bounds.minY * k,
  };
}

/** Zooms by `factor` keeping the plan point under the screen point (px, py) where it is. */
export function zoomAt(v: Viewport, factor: number, px: number, py: number, limits: ZoomLimits): Viewport {
  const k = Math.min(limits.max, Math.max(limits.min, v.k * factor));
  const applied = k / v.k;
  return { k, tx: px - (px - v.tx) * applied, ty: py - (py - v.ty) * applied };
}

export const panBy = (v: Viewport, dx: number, dy: number): Viewport => ({
  k: v.k,
  tx: v.tx + dx,
  ty: v.ty + dy,
});

export const toPlan = (v: Viewport, sx: number, sy: number) => ({
  x: (sx - v.tx) / v.k,
  y: (sy - v.ty) / v.k,
});
export const toScreen = (v: Viewport, x: number, y: number) => ({ x: x * v.k + v.tx, y: y * v.k + v.ty });

/** The part of the plan on screen, in plan units, grown by `margin` plan units on every side. */
export function visibleBounds(v: Viewport, size: Size, margin = 0): Bounds {
  return {
    minX: -v.tx / v.k - margin,
    minY: -v.ty / v.k - margin,
    maxX: (size.width - v.tx) / v.k + margin,
    maxY: (size.height - v.ty) / v.k + margin,
  };
}

/**
 * From a little smaller than the whole plan to seats about 40 px wide: enough to read seat numbers,
 * not so far that the map is lost.
 */
export function zoomLimits(fit: Viewport, seatRadius: number): ZoomLimits {
  const min = fit.k * 0.6;
  return { min, max: Math.max(fit.k * 4, 20 / Math.max(seatRadius, 1e-6)) };
}
