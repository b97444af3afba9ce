import { type CSSProperties, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { SeatStatusStore } from '../../api/booking/seatStatusStore.ts';
import { SEATMAP_FETCH_MARK } from '../../api/booking/useSeatmap.ts';
import { type BookingLayer, drawBookingMap, type MapTarget } from '../../seatmap/drawBooking.ts';
import { freeBySection } from '../../seatmap/seatCatalog.ts';
import { usePanZoom } from '../../seatmap/usePanZoom.ts';
import { useSvgUrl } from '../../seatmap/useSvgUrl.ts';
import { toScreen, zoomAt } from '../../seatmap/viewport.ts';
import type { MapModel } from './mapModel.ts';
import type { SeatMapTestHook } from './testHook.ts';
import { type Camera, useCamera } from './useCamera.ts';
import { useMapPointer } from './useMapPointer.ts';
import '../../seatmap/seatmap.css';

/** Below this on-screen seat radius a big venue shows sections instead of seats. */
const SEATS_FROM_RADIUS_PX = 1.6;
/** Zooming to a section or to chosen seats brings seats to at least this radius. */
const FOCUS_RADIUS_PX = 5;

type Props = {
  model: MapModel;
  store: SeatStatusStore;
  label: string;
  selected: readonly number[];
  taken: readonly number[];
  selectedGa: string | null;
  /** Glide to these seats whenever `key` changes (after best available, for instance). */
  focus: { key: number; seats: readonly number[] } | null;
  tooltip: (target: MapTarget) => ReactNode;
  onSeat: (index: number) => void;
  onGa: (areaId: string) => void;
};

/**
 * The buyer's seat map: one canvas over the venue's background image, live seat colours, semantic
 * zoom for big venues, hover tooltip and click to pick. Seats have no DOM nodes; the seat list
 * next to it is the keyboard and screen-reader path.
 */
export function SeatMap(props: Props) {
  const { model, store, label } = props;
  const stage = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const background = useRef<HTMLImageElement>(null);
  const backgroundUrl = useSvgUrl(model.plan.background);
  const helpId = useId();
  const [mode, setMode] = useState<'sections' | 'seats'>(model.sectionsFirst ? 'sections' : 'seats');
  const state = useRef({
    hover: null as MapTarget | null,
    overview: model.sectionsFirst,
    free: null as Uint32Array | null,
    freeVersion: -1,
    drawn: false,
    liveDrawn: false,
    firstPaintMs: null as number | null,
  });
  const propsRef = useRef(props);
  propsRef.current = props;

  const draw = (c: Camera) => {
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
    const { model: m, store: s, selected, taken, selectedGa } = propsRef.current;
    const st = state.current;
    const overview = m.sectionsFirst && m.prepared.seatRadius * c.v.k < SEATS_FROM_RADIUS_PX;
    if (overview !== st.overview) {
      st.overview = overview;
      st.hover = null;
      setMode(overview ? 'sections' : 'seats');
    }
    if (overview && s.loaded && st.freeVersion !== s.getVersion()) {
      st.free = freeBySection(m.catalog, s.statuses);
      st.freeVersion = s.getVersion();
    }
    const layer: BookingLayer = {
      catalog: m.catalog,
      grid: m.grid,
      statuses: s.loaded ? s.statuses : new Uint8Array(0),
      colours: m.colours,
      selected,
      taken,
      hover: st.hover,
      overview,
      freeBySection: s.loaded ? st.free : null,
      ga: s.ga,
      selectedGa,
      hasBackground: Boolean(m.plan.background),
    };
    drawBookingMap(ctx, m.prepared, layer, c.v, c.size, dpr);
    const img = background.current;
    if (img) {
      img.style.width = `${m.plan.width * c.v.k}px`;
      img.style.height = `${m.plan.height * c.v.k}px`;
      img.style.transform = `translate(${c.v.tx}px, ${c.v.ty}px)`;
    }
    if (!st.drawn) {
      st.drawn = true;
      st.firstPaintMs = measureFirstPaint('seatmap:first-draw');
      stage.current?.setAttribute('data-ready', 'true');
      if (st.firstPaintMs !== null)
        stage.current?.setAttribute('data-first-paint-ms', st.firstPaintMs.toFixed(0));
    }
    if (!st.liveDrawn && s.loaded) {
      st.liveDrawn = true;
      measureFirstPaint('seatmap:first-live-draw');
      // Measured once: a later visit with the plan cached has no download to measure from.
      performance.clearMarks(SEATMAP_FETCH_MARK);
      stage.current?.setAttribute('data-live', 'true');
    }
  };

  const cam = useCamera(stage, model.prepared.bounds, model.prepared.seatRadius, draw);
  const { camera, schedule, control, focusBounds } = cam;
  usePanZoom(stage, control);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new model means a new plan to fit
  useEffect(() => {
    camera.current.moved = false;
    cam.refit();
  }, [model]);
  useEffect(() => store.subscribe(schedule), [store, schedule]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when what is shown changes
  useEffect(schedule, [props.selected, props.taken, props.selectedGa, backgroundUrl, schedule]);

  /** Brings the seats into view, readable; leaves the camera alone when they already are. */
  const zoomToSeats = (seats: readonly number[], force = false) => {
    if (seats.length === 0) return;
    const xy = model.prepared.seatXY;
    const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    for (const i of seats) {
      b.minX = Math.min(b.minX, xy[i * 2]!);
      b.maxX = Math.max(b.maxX, xy[i * 2]!);
      b.minY = Math.min(b.minY, xy[i * 2 + 1]!);
      b.maxY = Math.max(b.maxY, xy[i * 2 + 1]!);
    }
    const r = model.prepared.seatRadius;
    const { v, size } = camera.current;
    if (!force && v && r * v.k >= FOCUS_RADIUS_PX) {
      const a = toScreen(v, b.minX, b.minY);
      const z = toScreen(v, b.maxX, b.maxY);
      const m = r * v.k + 8;
      if (a.x >= m && a.y >= m && z.x <= size.width - m && z.y <= size.height - m) return;
    }
    // Some rows and seats around them, for context, at a zoom where seats are easy to see.
    const pad = r * 30;
    const k = FOCUS_RADIUS_PX / r;
    const around = { minX: b.minX - pad, minY: b.minY - pad, maxX: b.maxX + pad, maxY: b.maxY + pad };
    focusBounds(around, k);
  };

  const focusKey = props.focus?.key;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new focus request moves the camera
  useEffect(() => {
    if (props.focus) zoomToSeats(props.focus.seats);
  }, [focusKey]);

  const hover = useMapPointer(stage, {
    model,
    camera,
    overview: () => state.current.overview,
    setHover: (target) => {
      state.current.hover = target;
      schedule();
    },
    onTarget: (target) => {
      if (target.kind === 'section') {
        const s = model.catalog.sections[target.index]!;
        focusBounds(s.bounds, (SEATS_FROM_RADIUS_PX * 2) / model.prepared.seatRadius, 24);
      } else if (target.kind === 'ga') propsRef.current.onGa(target.id);
      else propsRef.current.onSeat(target.index);
    },
  });

  useEffect(() => {
    const hook: SeatMapTestHook = {
      get ready() {
        return state.current.drawn;
      },
      seats: model.catalog.count,
      get firstPaintMs() {
        return state.current.firstPaintMs;
      },
      mode: () => (state.current.overview ? 'sections' : 'seats'),
      point: (id) => {
        const i = model.catalog.indexOf.get(id);
        const v = camera.current.v;
        const box = stage.current?.getBoundingClientRect();
        if (i === undefined || !v || !box) return null;
        const p = toScreen(v, model.prepared.seatXY[i * 2]!, model.prepared.seatXY[i * 2 + 1]!);
        if (p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height) return null;
        return { x: box.left + p.x, y: box.top + p.y };
      },
      status: (id) => {
        const i = model.catalog.indexOf.get(id);
        return i === undefined || !store.loaded ? null : (store.statuses[i] ?? null);
      },
      freeSeats: (limit) => {
        const out: string[] = [];
        for (let i = 0; i < model.catalog.count && out.length < limit; i++)
          if (store.statuses[i] === 0) out.push(model.catalog.ids[i]!);
        return out;
      },
      selected: () => propsRef.current.selected.map((i) => model.catalog.ids[i]!),
      zoomTo: (id) => {
        const i = model.catalog.indexOf.get(id);
        if (i !== undefined) zoomToSeats([i], true);
      },
    };
    window.__seatmap = hook;
    return () => {
      if (window.__seatmap === hook) delete window.__seatmap;
    };
  });

  const zoomBy = (factor: number) => {
    const { size } = camera.current;
    control.update((v) => zoomAt(v, factor, size.width / 2, size.height / 2, control.limits()));
  };

  return (
    <div className="seat-map">
      <div
        ref={stage}
        className="plan-stage seat-map-stage"
        role="application"
        aria-roledescription="seat map"
        aria-label={label}
        aria-describedby={helpId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: an application region: with focus, arrow keys and +/− move the map
        tabIndex={0}
        data-testid="seatmap"
        style={{ '--plan-aspect': `${model.plan.width} / ${model.plan.height}` } as CSSProperties}
        data-mode={mode}
        data-seats={model.catalog.count}
      >
        {backgroundUrl ? (
          <img ref={background} className="plan-background" src={backgroundUrl} alt="" draggable={false} />
        ) : null}
        <canvas ref={canvas} className="plan-layer" />
        {model.sectionsFirst ? (
          <p className="seat-map-hint" aria-hidden="true">
            {mode === 'sections' ? 'Choose a section to see its seats' : 'Zoom out to see every section'}
          </p>
        ) : null}
        {hover.target ? (
          <div ref={hover.tooltipRef} className="seat-map-tooltip" aria-hidden="true">
            {props.tooltip(hover.target)}
          </div>
        ) : null}
        <div className="plan-zoom">
          <button type="button" className="btn btn-sm" aria-label="Zoom in" onClick={() => zoomBy(1.5)}>
            +
          </button>
          <button type="button" className="btn btn-sm" aria-label="Zoom out" onClick={() => zoomBy(1 / 1.5)}>
            −
          </button>
          <button type="button" className="btn btn-sm" onClick={cam.reset}>
            Reset
          </button>
        </div>
        <p id={helpId} className="visually-hidden">
          Drag to move, scroll or pinch to zoom; with the keyboard, arrow keys move and plus and minus zoom.
          To choose seats without the map, use the seat list.
        </p>
      </div>
    </div>
  );
}

/** Marks `name` and returns the time since the plan download started, when that was marked. */
function measureFirstPaint(name: string): number | null {
  performance.mark(name);
  if (performance.getEntriesByName(SEATMAP_FETCH_MARK, 'mark').length === 0) return null;
  const m = performance.measure(`${name}:since-fetch`, SEATMAP_FETCH_MARK, name);
  return m.duration;
}
