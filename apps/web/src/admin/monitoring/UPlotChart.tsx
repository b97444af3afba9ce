import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';

type Props = {
  /** Built per render is fine: the chart is only rebuilt when `shapeKey` changes. */
  options: Omit<Options, 'width' | 'height'>;
  data: AlignedData;
  height?: number;
  /** Changes when series or axes change; data alone is pushed into the live chart with setData. */
  shapeKey: string;
  /** What the chart shows, for screen readers (the figures are also in the tables beside it). */
  label: string;
};

/**
 * A uPlot canvas chart sized to its container. uPlot draws into a canvas it owns: React only
 * creates it, feeds it new data on every refresh (cheap: no rebuild, no animation) and destroys it.
 */
export function UPlotChart({ options, data, height = 220, shapeKey, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef({ options, data });
  latest.current = { options, data };

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt only when the shape changes; data flows in below
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const plot = new uPlot(
      { ...latest.current.options, width: Math.max(200, el.clientWidth), height },
      latest.current.data,
      el,
    );
    chart.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [shapeKey, height]);

  useEffect(() => {
    chart.current?.setData(data);
  }, [data]);

  return <div ref={box} className="mon-chart" role="img" aria-label={label} />;
}
