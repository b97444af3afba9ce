import autocannon from 'autocannon';

export type LoadResult = {
  name: string;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  errors: number;
  non2xx: number;
};

/** Runs autocannon against one or more request paths (round-robin) and returns the figures. */
export async function load(
  name: string,
  url: string,
  opts: {
    connections: number;
    durationSec: number;
    paths?: string[];
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.durationSec,
    ...(opts.paths
      ? {
          requests: opts.paths.map((p) => ({
            path: p,
            method: (opts.method ?? 'GET') as 'GET',
            headers: opts.headers,
            body: opts.body,
          })),
        }
      : {}),
  });
  return {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export function table(rows: LoadResult[], baseline?: LoadResult): string {
  const head = '| scenario | req/s | vs hello-world | p50 ms | p90 ms | p99 ms | max ms | errors | non-2xx |';
  const sep = '|---|---|---|---|---|---|---|---|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.name} | ${r.rps} | ${baseline ? `${Math.round((r.rps / baseline.rps) * 100)}%` : '—'} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.errors} | ${r.non2xx} |`,
  );
  return [head, sep, ...lines].join('\n');
}
