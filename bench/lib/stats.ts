/** Latency figures from raw samples (ms). */
export function summarize(samples: number[], seconds: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    count: samples.length,
    perSecond: Math.round(samples.length / seconds),
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    max: round(sorted[sorted.length - 1] ?? 0),
  };
}

/** Runs `workers` loops of `turn` for `seconds`, collecting each turn's latency. */
export async function closedLoop(
  workers: number,
  seconds: number,
  turn: (worker: number) => Promise<boolean>,
) {
  const samples: number[] = [];
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const ok = await turn(w);
        samples.push(performance.now() - t0);
        if (!ok) failures++;
      }
    }),
  );
  return { ...summarize(samples, (performance.now() - started) / 1000), failures };
}
