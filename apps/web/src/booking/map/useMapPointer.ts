import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MapTarget } from '../../seatmap/drawBooking.ts';
import { hitTestMap } from '../../seatmap/hitTest.ts';
import type { MapModel } from './mapModel.ts';
import type { Camera } from './useCamera.ts';

/** A press that moves less than this is a click, not the start of a drag. */
const CLICK_SLOP_PX = 6;
const TOOLTIP_GAP_PX = 14;
const TOUCH_REACH_PX = 14;
/** Touch has no hover: the tooltip of a tapped seat shows for a moment, then gets out of the way. */
const TAP_TOOLTIP_MS = 2500;

type Options = {
  model: MapModel;
  camera: RefObject<Camera>;
  overview: () => boolean;
  setHover: (target: MapTarget | null) => void;
  onTarget: (target: MapTarget) => void;
};

const same = (a: MapTarget | null, b: MapTarget | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.kind === b.kind &&
    (a.kind === 'ga' ? a.id === (b as { id: string }).id : a.index === (b as { index: number }).index));

/**
 * Hover (mouse) and click or tap on the map, resolved through the hit-test grid. The tooltip
 * follows the pointer by direct style updates, so moving the mouse re-renders nothing unless the
 * thing under it changes. Panning is usePanZoom's; a press that moved is not a click.
 */
export function useMapPointer(stage: RefObject<HTMLElement | null>, options: Options) {
  const [target, setTarget] = useState<MapTarget | null>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const at = useRef({ x: 0, y: 0 });
  const opts = useRef(options);
  opts.current = options;

  const place = useCallback(() => {
    const tip = tooltipRef.current;
    const el = stage.current;
    if (!tip || !el) return;
    const { x, y } = at.current;
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    const left =
      x + TOOLTIP_GAP_PX + w > el.clientWidth ? Math.max(4, x - TOOLTIP_GAP_PX - w) : x + TOOLTIP_GAP_PX;
    const top =
      y + TOOLTIP_GAP_PX + h > el.clientHeight ? Math.max(4, y - TOOLTIP_GAP_PX - h) : y + TOOLTIP_GAP_PX;
    tip.style.transform = `translate(${left}px, ${top}px)`;
  }, [stage]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: place the tooltip once its content is in
  useLayoutEffect(place, [target]);

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    let down: { x: number; y: number } | null = null;
    let frame = 0;
    let current: MapTarget | null = null;
    const local = (e: { clientX: number; clientY: number }) => {
      const box = el.getBoundingClientRect();
      return { x: e.clientX - box.left, y: e.clientY - box.top };
    };
    const hit = (x: number, y: number, touch = false) => {
      const v = opts.current.camera.current.v;
      const { model } = opts.current;
      if (!v) return null;
      const reach = touch ? TOUCH_REACH_PX : undefined;
      return hitTestMap(model.prepared, model.catalog, model.grid, v, x, y, opts.current.overview(), reach);
    };
    let lastPointer = 'mouse';
    let hideTip: ReturnType<typeof setTimeout> | undefined;
    const show = (next: MapTarget | null) => {
      if (same(next, current)) {
        place();
        return;
      }
      current = next;
      setTarget(next);
      opts.current.setHover(next);
    };

    const onMove = (e: PointerEvent) => {
      if (e.pointerType === 'touch' || el.dataset.dragging) {
        if (el.dataset.dragging && current) show(null);
        return;
      }
      at.current = local(e);
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        show(hit(at.current.x, at.current.y));
      });
    };
    const onLeave = () => show(null);
    const onDown = (e: PointerEvent) => {
      down = { x: e.clientX, y: e.clientY };
      lastPointer = e.pointerType;
    };
    const onClick = (e: MouseEvent) => {
      if ((e.target as Element).closest('button, a, input')) return;
      // The second click of a double-click zooms (usePanZoom); it must not undo the first.
      if (!down || e.detail > 1) return;
      if (Math.hypot(e.clientX - down.x, e.clientY - down.y) > CLICK_SLOP_PX) return;
      at.current = local(e);
      const touch = lastPointer === 'touch';
      const target = hit(at.current.x, at.current.y, touch);
      // A tap shows the tooltip too, since touch has no hover.
      show(target);
      clearTimeout(hideTip);
      if (touch) hideTip = setTimeout(() => show(null), TAP_TOOLTIP_MS);
      if (target) opts.current.onTarget(target);
    };
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerleave', onLeave);
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('click', onClick);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(hideTip);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerleave', onLeave);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('click', onClick);
    };
  }, [stage, place]);

  return { target, tooltipRef };
}
