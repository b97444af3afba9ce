import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LoopLag } from './window.ts';

/**
 * Event-loop delay of this process, per minute: how late timers fire, which is how late every
 * request's callbacks run. Node samples it natively (no timer of ours); we read and reset it once
 * a minute.
 */
export function eventLoopSampler() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
  const read = (): LoopLag | null =>
    histogram.count === 0
      ? null
      : { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
  return {
    peek: read,
    rotate(): LoopLag | null {
      const lag = read();
      histogram.reset();
      return lag;
    },
    /** Forgets what was seen so far (start-up work: loading modules, migrations). */
    reset: () => histogram.reset(),
    stop: () => histogram.disable(),
  };
}
