import uPlot, { type Options, type Series } from 'uplot';

/** Series colours: the app's accent first, then colour-blind-safe hues (Okabe–Ito). */
export const PALETTE = ['#6d28d9', '#e69f00', '#009e73', '#0072b2', '#d55e00', '#cc79a7', '#56b4e9'];

const axis = {
  stroke: '#636075',
  grid: { stroke: '#ecebf3', width: 1 },
  ticks: { stroke: '#dedde8', width: 1 },
  font: '12px system-ui, sans-serif',
};

export type SeriesSpec = {
  label: string;
  color?: string;
  unit?: string;
  dash?: number[];
  /** Bars for counts per bucket; lines (default) for rates and percentiles. */
  bars?: boolean;
};

/** 1234.5 → "1,235", 3.14159 → "3.14"; null → "–" (no data, not zero). */
export function formatValue(v: number | null | undefined, unit = '') {
  if (v == null) return '–';
  const text = Math.abs(v) >= 100 ? Math.round(v).toLocaleString() : String(+v.toFixed(2));
  return `${text}${unit}`;
}

/**
 * Points only on a series with few values: a line needs two neighbours, so a single minute of
 * data (a process that just started) would otherwise draw nothing at all.
 */
function fewValues(u: uPlot, seriesIdx: number) {
  let n = 0;
  for (const v of u.data[seriesIdx] ?? []) if (v != null && ++n > 12) return false;
  return true;
}

const bars = uPlot.paths.bars!({ size: [0.7, 48], align: 0, gap: 1 });

/** A chart over time: x in seconds since the epoch, one series per spec. */
export function timeOptions(
  specs: SeriesSpec[],
  opts: { yLabel?: string } = {},
): Omit<Options, 'width' | 'height'> {
  const series: Series[] = [
    { value: (_u, v) => (v == null ? '–' : new Date(v * 1000).toLocaleString()) },
    ...specs.map((s, i): Series => {
      const color = s.color ?? PALETTE[i % PALETTE.length]!;
      return {
        label: s.label,
        stroke: color,
        width: s.bars ? 1 : 2,
        dash: s.dash,
        fill: s.bars ? `${color}b3` : undefined,
        paths: s.bars ? bars : undefined,
        points: s.bars ? { show: false } : { size: 6, fill: color, show: fewValues },
        value: (_u, v) => formatValue(v, s.unit),
      };
    }),
  ];
  return {
    series,
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.15 : 1] } },
    axes: [
      axis,
      {
        ...axis,
        label: opts.yLabel,
        labelSize: opts.yLabel ? 20 : 0,
        labelFont: axis.font,
        size: 60,
        values: (_u, ticks) => ticks.map((t) => formatValue(t)),
      },
    ],
  };
}

/** Bars per category: x is the category's index, labelled with its name. */
export function categoryOptions(labels: string[], spec: SeriesSpec): Omit<Options, 'width' | 'height'> {
  const color = spec.color ?? PALETTE[0]!;
  return {
    series: [
      { value: (_u, v) => labels[v] ?? '' },
      {
        label: spec.label,
        stroke: color,
        fill: `${color}b3`,
        width: 1,
        paths: bars,
        points: { show: false },
        value: (_u, v) => formatValue(v, spec.unit),
      },
    ],
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: false, auto: false, range: [-0.6, Math.max(labels.length, 3) - 0.4] },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.15 : 1] },
    },
    axes: [
      { ...axis, grid: { show: false }, splits: () => labels.map((_, i) => i), values: () => labels },
      { ...axis, size: 60, values: (_u, ticks) => ticks.map((t) => formatValue(t)) },
    ],
  };
}
