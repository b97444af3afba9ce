import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createRedisCoordinator } from '../../apps/server/src/coord/redis.ts';
import { roomKeys } from '../../apps/server/src/modules/waiting-room/keys.ts';
import { JOIN_PER_ACCOUNT } from '../../apps/server/src/modules/waiting-room/service.ts';

/**
 * The floor under the two queue routes, measured in the same run: what a bare node:http server
 * costs for the same bytes and the same Redis work, with nothing of ours around it.
 *
 * - `GET /poll…` answers the exact status answer (headers and body) the platform gave, fixed: no
 *   token check, no limits, no status math. The gap between this and the platform's poll is ours.
 * - `POST /join` runs the join's Redis script (claim a number behind the account's bucket,
 *   coord.claimNumbersLimited) for one new claimant per request and answers its number:
 *   a join's Redis work one round trip at a time (the platform batches the joins that arrive
 *   together), without sign-in, framework or token.
 */
const answer = JSON.parse(process.env.FLOOR_POLL_ANSWER ?? '{"headers":[],"body":"{}"}') as {
  headers: string[];
  body: string;
};
const coord = createRedisCoordinator({
  url: process.env.FLOOR_REDIS_URL ?? 'redis://127.0.0.1:6379',
  keyPrefix: process.env.FLOOR_REDIS_PREFIX ?? `tk-floor-${Date.now()}:`,
});
const keys = roomKeys(randomUUID());
let next = 0;

http
  .createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/join') {
      const who = `account-${++next}`;
      coord
        .claimNumbersLimited(keys.joined, keys.claims, { ttlMs: 3_600_000, again: JOIN_PER_ACCOUNT }, [who])
        .then(([claim]) => {
          const body = JSON.stringify(claim);
          res.writeHead(201, ['content-type', 'application/json', 'content-length', String(body.length)]);
          res.end(body);
        })
        .catch(() => {
          res.writeHead(503).end();
        });
      return;
    }
    const headers = answer.headers.slice();
    headers.push('content-length', String(Buffer.byteLength(answer.body)));
    res.writeHead(200, headers);
    res.end(answer.body);
  })
  .listen(Number(process.env.PORT), '127.0.0.1');

// Exit cleanly when stopped, so a --cpu-prof profile (BENCH_SERVER_NODE_ARGS) is written.
process.on('SIGTERM', () => process.exit(0));
