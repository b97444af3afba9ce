import type { Plan } from '@ticketing/seatmap';
import { type CSSProperties, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { drawPlan } from './draw.ts';
import { PlanLegend } from './PlanLegend.tsx';
import { preparePlan } from './prepare.ts';
import { useDevicePixelRatio } from './useDevicePixelRatio.ts';
import { type CameraControl, usePanZoom } from './usePanZoom.ts';
import { useSvgUrl } from './useSvgUrl.ts';
import { fitViewport, type Size, type Viewport, zoomAt, zoomLimits } from './viewport.ts';
import './seatmap.css';

type Props = {
  plan: Plan;
  /** Names the map for assistive technology, e.g. "Seat plan of Screen 1". */
  label: string;
  /** CSS height of the map area; defaults to a share of the viewport. */
  height?: string;
  legend?: boolean;
};

/** Height of the zoom buttons' bar at the bottom of the map. */
const CONTROLS_PX = 44;

type Camera = { v: Viewport | null; fit: Viewport | null; size: Size; moved: boolean; frame: number };

/**
 * Draws a plan on a canvas: the sanitized SVG background as an image underneath, then sections,
 * standing areas, the screen or stage, and every seat coloured by category. No DOM per seat, so an
 * 80,000-seat stadium pans and zooms smoothly. Buyer features (seat status, hover, selection) will
 * be added as layers in prepare.ts and draw.ts.
 */
export function PlanCanvas({ plan, label, height, legend = true }: Props) {
  const prepared = useMemo(() => preparePlan(plan), [plan]);
  const stage = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const background = useRef<HTMLImageElement>(null);
  const backgroundUrl = useSvgUrl(plan.background);
  const helpId = useId();
  const camera = useRef<Camera>({
    v: null,
    fit: null,
    size: { width: 0, height: 0 },
    moved: false,
    frame: 0,
  });
  const preparedRef = useRef(prepared);
  preparedRef.current = prepared;

  const render = useCallback(() => {
    const c = camera.current;
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !c.v || c.size.width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(c.size.width * dpr);
    const h = Math.round(c.size.height * dpr);
    if (el.width !== w || el.height !== h) {
      el.width = w;
      el.height = h;
    }
    const p = preparedRef.current;
    const started = performance.now();
    drawPlan(ctx, p, c.v, c.size, dpr, { hasBackground: Boolean(p.plan.background) });
    el.dataset.drawMs = (performance.now() - started).toFixed(1);
    const img = background.current;
    if (img) {
      // Sized in layout pixels (not a scale transform) so the browser re-renders the SVG crisply.
      img.style.width = `${p.plan.width * c.v.k}px`;
      img.style.height = `${p.plan.height * c.v.k}px`;
      img.style.transform = `translate(${c.v.tx}px, ${c.v.ty}px)`;
    }
    stage.current?.setAttribute('data-ready', 'true');
  }, []);

  const schedule = useCallback(() => {
    const c = camera.current;
    if (c.frame) return;
    c.frame = requestAnimationFrame(() => {
      c.frame = 0;
      render();
    });
  }, [render]);

  const refit = useCallback(() => {
    const c = camera.current;
    if (c.size.width === 0) return;
    // Fit above the zoom buttons, so they never cover seats at the start.
    c.fit = fitViewport(preparedRef.current.bounds, { ...c.size, height: c.size.height - CONTROLS_PX });
    if (!c.moved || !c.v) c.v = c.fit;
    schedule();
  }, [schedule]);

  const control = useMemo<CameraControl>(
    () => ({
      update: (change) => {
        const c = camera.current;
        if (!c.v) return;
        c.v = change(c.v);
        c.moved = true;
        schedule();
      },
      limits: () => {
        const c = camera.current;
        return zoomLimits(c.fit ?? c.v ?? { k: 1, tx: 0, ty: 0 }, preparedRef.current.seatRadius);
      },
    }),
    [schedule],
  );
  usePanZoom(stage, control);
  useDevicePixelRatio(schedule);

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      camera.current.size = { width: entry.contentRect.width, height: entry.contentRect.height };
      refit();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(camera.current.frame);
      camera.current.frame = 0;
    };
  }, [refit]);

  // A new plan (the live preview while typing) keeps the admin's zoom unless they never moved it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit reads the new plan through preparedRef
  useLayoutEffect(refit, [prepared, refit]);

  // The background image mounts a render later than the canvas: place it as soon as it exists.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the image appears
  useEffect(schedule, [backgroundUrl, schedule]);

  // The map is as tall as the plan needs at full width, up to `height`: no empty bands on a phone.
  const figureStyle = {
    '--plan-aspect': `${plan.width} / ${plan.height}`,
    ...(height ? { '--plan-height': height } : {}),
  } as CSSProperties;

  const zoomBy = (factor: number) => {
    const { size } = camera.current;
    control.update((v) => zoomAt(v, factor, size.width / 2, size.height / 2, control.limits()));
  };
  const fitAll = () => {
    camera.current.moved = false;
    refit();
  };

  return (
    <figure className="plan-canvas" style={figureStyle}>
      <div
        ref={stage}
        className="plan-stage"
        role="application"
        aria-roledescription="seat map"
        aria-label={label}
        aria-describedby={helpId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: an application region: with focus, arrow keys and +/− move the map
        tabIndex={0}
        data-seats={prepared.capacity}
      >
        {backgroundUrl ? (
          <img ref={background} className="plan-background" src={backgroundUrl} alt="" draggable={false} />
        ) : null}
        <canvas ref={canvas} className="plan-layer" />
        <div className="plan-zoom">
          <button type="button" className="btn btn-sm" aria-label="Zoom in" onClick={() => zoomBy(1.5)}>
            +
          </button>
          <button type="button" className="btn btn-sm" aria-label="Zoom out" onClick={() => zoomBy(1 / 1.5)}>
            −
          </button>
          <button type="button" className="btn btn-sm" onClick={fitAll}>
            Fit
          </button>
        </div>
        <p id={helpId} className="visually-hidden">
          Scroll or pinch to zoom and drag to move. With the keyboard: plus and minus zoom, arrow keys move.
        </p>
      </div>
      {legend ? <PlanLegend prepared={prepared} /> : null}
    </figure>
  );
}
