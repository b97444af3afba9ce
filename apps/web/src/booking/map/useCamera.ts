import { type RefObject, useCallback, useEffect, useMemo, useRef } from 'react';
import type { CameraControl } from '../../seatmap/usePanZoom.ts';
import { type Bounds, fitViewport, type Size, type Viewport, zoomLimits } from '../../seatmap/viewport.ts';

export type Camera = {
  v: Viewport | null;
  fit: Viewport | null;
  size: Size;
  moved: boolean;
  frame: number;
  anim: number;
};

const ANIMATION_MS = 320;
const ease = (t: number) => 1 - (1 - t) ** 3;

/**
 * The map's camera outside React state (a pan must not re-render the page): fits the plan to the
 * stage on resize, schedules one draw per frame, and glides to a target for "zoom to section".
 */
export function useCamera(
  stage: RefObject<HTMLElement | null>,
  bounds: Bounds,
  seatRadius: number,
  draw: (camera: Camera) => void,
) {
  const camera = useRef<Camera>({
    v: null,
    fit: null,
    size: { width: 0, height: 0 },
    moved: false,
    frame: 0,
    anim: 0,
  });
  const drawRef = useRef(draw);
  drawRef.current = draw;
  const boundsRef = useRef(bounds);
  boundsRef.current = bounds;
  const radiusRef = useRef(seatRadius);
  radiusRef.current = seatRadius;

  const schedule = useCallback(() => {
    const c = camera.current;
    if (c.frame) return;
    c.frame = requestAnimationFrame(() => {
      c.frame = 0;
      drawRef.current(c);
    });
  }, []);

  const refit = useCallback(() => {
    const c = camera.current;
    if (c.size.width === 0) return;
    c.fit = fitViewport(boundsRef.current, c.size);
    if (!c.moved || !c.v) c.v = c.fit;
    schedule();
  }, [schedule]);

  const control = useMemo<CameraControl>(
    () => ({
      update: (change) => {
        const c = camera.current;
        if (!c.v) return;
        cancelAnimationFrame(c.anim);
        c.v = change(c.v);
        c.moved = true;
        schedule();
      },
      limits: () => {
        const c = camera.current;
        return zoomLimits(c.fit ?? c.v ?? { k: 1, tx: 0, ty: 0 }, radiusRef.current);
      },
    }),
    [schedule],
  );

  /** Glides to `target`: zoom interpolated geometrically so it feels even at every scale. */
  const animateTo = useCallback(
    (target: Viewport) => {
      const c = camera.current;
      const from = c.v;
      cancelAnimationFrame(c.anim);
      c.moved = true;
      if (!from || window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
        c.v = target;
        schedule();
        return;
      }
      const start = performance.now();
      const step = (now: number) => {
        const t = ease(Math.min(1, (now - start) / ANIMATION_MS));
        const k = from.k * (target.k / from.k) ** t;
        // Keep the screen-space path straight: interpolate the plan point at the centre.
        const cx = c.size.width / 2;
        const cy = c.size.height / 2;
        const p0 = { x: (cx - from.tx) / from.k, y: (cy - from.ty) / from.k };
        const p1 = { x: (cx - target.tx) / target.k, y: (cy - target.ty) / target.k };
        const px = p0.x + (p1.x - p0.x) * t;
        const py = p0.y + (p1.y - p0.y) * t;
        c.v = { k, tx: cx - px * k, ty: cy - py * k };
        drawRef.current(c);
        if (t < 1) c.anim = requestAnimationFrame(step);
      };
      c.anim = requestAnimationFrame(step);
    },
    [schedule],
  );

  /** Fits `b` (plan units) into the stage, zoomed at least to `minK` and at most to the zoom limit. */
  const focusBounds = useCallback(
    (b: Bounds, minK = 0, padding = 48) => {
      const c = camera.current;
      if (c.size.width === 0) return;
      const fitted = fitViewport(b, c.size, padding);
      const limits = control.limits();
      const k = Math.min(limits.max, Math.max(fitted.k, minK));
      const cx = (b.minX + b.maxX) / 2;
      const cy = (b.minY + b.maxY) / 2;
      animateTo({ k, tx: c.size.width / 2 - cx * k, ty: c.size.height / 2 - cy * k });
    },
    [animateTo, control],
  );

  const reset = useCallback(() => {
    const c = camera.current;
    if (!c.fit) return;
    animateTo(c.fit);
    c.moved = false;
  }, [animateTo]);

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const c = camera.current;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      c.size = { width: entry.contentRect.width, height: entry.contentRect.height };
      refit();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(c.frame);
      cancelAnimationFrame(c.anim);
      c.frame = 0;
    };
  }, [stage, refit]);

  return { camera, schedule, refit, control, animateTo, focusBounds, reset };
}
