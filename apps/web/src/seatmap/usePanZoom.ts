import { type RefObject, useEffect } from 'react';
import { panBy, type Viewport, type ZoomLimits, zoomAt } from './viewport.ts';

export type CameraControl = {
  update: (change: (v: Viewport) => Viewport) => void;
  limits: () => ZoomLimits;
};

type Pointer = { x: number; y: number };

/**
 * Wheel and trackpad zoom around the cursor, drag to pan, two-finger pinch, double-click to zoom in,
 * and keys (+ − arrows) when the map has focus. Listeners are native: a wheel listener has to be
 * non-passive to keep the page from scrolling, which React's onWheel cannot be.
 */
export function usePanZoom(target: RefObject<HTMLElement | null>, camera: CameraControl) {
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const pointers = new Map<number, Pointer>();
    const local = (e: { clientX: number; clientY: number }): Pointer => {
      const box = el.getBoundingClientRect();
      return { x: e.clientX - box.left, y: e.clientY - box.top };
    };
    const zoom = (factor: number, at: Pointer) =>
      camera.update((v) => zoomAt(v, factor, at.x, at.y, camera.limits()));

    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      // Trackpad pinches arrive as wheel events with ctrlKey and small deltas.
      const speed = e.ctrlKey ? 0.01 : 0.0016;
      zoom(Math.exp(-e.deltaY * unit * speed), local(e));
    };

    const onPointerDown = (e: PointerEvent) => {
      if (e.button !== 0 && e.pointerType === 'mouse') return;
      if ((e.target as Element).closest('button, a, input')) return;
      el.setPointerCapture(e.pointerId);
      pointers.set(e.pointerId, local(e));
      el.dataset.dragging = 'true';
    };
    const onPointerMove = (e: PointerEvent) => {
      const before = pointers.get(e.pointerId);
      if (!before) return;
      const now = local(e);
      if (pointers.size === 1) {
        camera.update((v) => panBy(v, now.x - before.x, now.y - before.y));
      } else if (pointers.size === 2) {
        const other = [...pointers.entries()].find(([id]) => id !== e.pointerId)?.[1];
        if (other) {
          const d0 = Math.hypot(before.x - other.x, before.y - other.y) || 1;
          const d1 = Math.hypot(now.x - other.x, now.y - other.y) || 1;
          const mid0 = { x: (before.x + other.x) / 2, y: (before.y + other.y) / 2 };
          const mid1 = { x: (now.x + other.x) / 2, y: (now.y + other.y) / 2 };
          camera.update((v) =>
            panBy(zoomAt(v, d1 / d0, mid0.x, mid0.y, camera.limits()), mid1.x - mid0.x, mid1.y - mid0.y),
          );
        }
      }
      pointers.set(e.pointerId, now);
    };
    const onPointerUp = (e: PointerEvent) => {
      pointers.delete(e.pointerId);
      if (pointers.size === 0) delete el.dataset.dragging;
    };
    const onDoubleClick = (e: MouseEvent) => zoom(e.shiftKey ? 0.5 : 2, local(e));
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.target !== el) return;
      const centre = { x: el.clientWidth / 2, y: el.clientHeight / 2 };
      const step = 60;
      const pan: Record<string, [number, number]> = {
        arrowleft: [step, 0],
        arrowright: [-step, 0],
        arrowup: [0, step],
        arrowdown: [0, -step],
      };
      const key = e.key.toLowerCase();
      const move = pan[key];
      if (move) camera.update((v) => panBy(v, move[0], move[1]));
      else if (key === '+' || key === '=') zoom(1.4, centre);
      else if (key === '-') zoom(1 / 1.4, centre);
      else return;
      e.preventDefault();
    };

    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onPointerDown);
    el.addEventListener('pointermove', onPointerMove);
    el.addEventListener('pointerup', onPointerUp);
    el.addEventListener('pointercancel', onPointerUp);
    el.addEventListener('dblclick', onDoubleClick);
    el.addEventListener('keydown', onKeyDown);
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onPointerDown);
      el.removeEventListener('pointermove', onPointerMove);
      el.removeEventListener('pointerup', onPointerUp);
      el.removeEventListener('pointercancel', onPointerUp);
      el.removeEventListener('dblclick', onDoubleClick);
      el.removeEventListener('keydown', onKeyDown);
    };
  }, [target, camera]);
}
