import type { FastifyInstance } from 'fastify';

/** How many answers /metrics has counted for one route, method and status (0 before the first). */
export async function answeredCount(
  app: FastifyInstance,
  where: { method: string; route: string; status: number },
): Promise<number> {
  const text = (await app.inject({ url: '/metrics' })).body;
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('http_request_duration_seconds_count') &&
        l.includes(`route="${where.route}"`) &&
        l.includes(`method="${where.method}"`) &&
        l.includes(`status_code="${where.status}"`),
    );
  return Number(line?.split(' ').at(-1) ?? 0);
}
