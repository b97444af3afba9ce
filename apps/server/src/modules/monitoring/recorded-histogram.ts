import type { Metric, Registry } from 'prom-client';
import { BOUNDS_MS, type Buckets } from './histogram.ts';

type Labels = Record<string, string | number>;
type Value = { metricName: string; labels: Labels; value: number };

/**
 * A Prometheus histogram whose counts live in our own recorders (recorder.ts) instead of a
 * prom-client Histogram: the request path then pays for a bucket scan and three additions, not
 * a label hash per observation. On scrape it answers in the shape every prom-client metric
 * answers `get()` with, so the registry formats it like its own histograms.
 */
export function registerRecordedHistogram(
  registry: Registry,
  opts: { name: string; help: string; series: () => Iterable<{ labels: Labels; buckets: Buckets }> },
) {
  const boundsSeconds = BOUNDS_MS.map((ms) => ms / 1000);
  const metric = {
    name: opts.name,
    help: opts.help,
    type: 'histogram' as const,
    aggregator: 'sum' as const,
    async get() {
      const values: Value[] = [];
      for (const { labels, buckets } of opts.series()) {
        let cumulative = 0;
        for (let i = 0; i < boundsSeconds.length; i++) {
          cumulative += buckets.counts[i]!;
          values.push({
            metricName: `${opts.name}_bucket`,
            labels: { ...labels, le: boundsSeconds[i]! },
            value: cumulative,
          });
        }
        values.push(
          { metricName: `${opts.name}_bucket`, labels: { ...labels, le: '+Inf' }, value: buckets.count },
          { metricName: `${opts.name}_sum`, labels, value: buckets.sumMs / 1000 },
          { metricName: `${opts.name}_count`, labels, value: buckets.count },
        );
      }
      return {
        name: opts.name,
        help: opts.help,
        type: 'histogram' as const,
        aggregator: 'sum' as const,
        values,
      };
    },
    // The registry's resetMetrics() calls this; our counts are cumulative by contract, like a counter's.
    reset() {},
  };
  registry.registerMetric(metric as unknown as Metric);
}
