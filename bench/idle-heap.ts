import { SERVER_NODE_FLAGS } from '../apps/server/src/lib/node-flags.ts';
import { startNodeProcess } from '../apps/server/test/server-process.ts';
import { mainThreadCpu, TICKS } from './lib/cpu.ts';
import { machineLine } from './lib/machine.ts';
import type { Proc } from './lib/processes.ts';
import { rawLoad } from './lib/raw-load.ts';

/**
 * Why every server process starts with SERVER_NODE_FLAGS (apps/server/src/lib/node-flags.ts):
 * Fastify's hello world in three kinds of process, taking turns in short windows after the first
 * two have sat idle (as servers do until an on-sale opens):
 * - idle, plain `node`;
 * - idle, with the server flags (`--no-memory-reducer`);
 * - fresh: started just before the windows, plain `node`.
 * Each window reports requests per second and main-thread CPU per request. On session 9's machine
 * the plain idle process stayed ~20% slower than the fresh one through every window, and the one
 * with the flags did not (docs/BENCHMARKS.md). `BENCH_IDLE_SECONDS` (150) sets the idle time.
 */
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 150);
const ROUNDS = 5;
const SECONDS = 2;
const CONNECTIONS = 100;

const helloWorld = (nodeArgs: readonly string[]) =>
  startNodeProcess({ script: 'bench/lib/hello-server.ts', env: {}, readyPath: '/', nodeArgs: [...nodeArgs] });
const requests = Array.from({ length: CONNECTIONS }, () => ({ path: '/', headers: {} }));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function idleHeapBench() {
  const procs: { name: string; proc: Proc }[] = [];
  try {
    const warm = (p: Proc) =>
      rawLoad('warm-up', p.url, requests, { connections: CONNECTIONS, durationSec: 2 });
    for (const [name, flags] of [
      [`idle ${IDLE_SECONDS} s, plain node`, []],
      [`idle ${IDLE_SECONDS} s, ${SERVER_NODE_FLAGS.join(' ')}`, SERVER_NODE_FLAGS],
    ] as const) {
      const proc = await helloWorld(flags);
      procs.push({ name, proc });
      await warm(proc);
    }
    console.log(`idle for ${IDLE_SECONDS} s…`);
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const fresh = await helloWorld([]);
    procs.push({ name: 'fresh (started just now), plain node', proc: fresh });
    await warm(fresh);

    const rows = new Map(procs.map((p) => [p.name, { rps: [] as number[], us: [] as number[] }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const { name, proc } of procs) {
        const before = mainThreadCpu(proc.pid);
        const result = await rawLoad(name, proc.url, requests, {
          connections: CONNECTIONS,
          durationSec: SECONDS,
        });
        const after = mainThreadCpu(proc.pid);
        const ticks = after.user + after.sys - before.user - before.sys;
        rows.get(name)!.rps.push(result.rps);
        rows.get(name)!.us.push((ticks / TICKS / result.requests) * 1e6);
      }
    }
    const freshUs = median(rows.get(procs.at(-1)!.name)!.us);
    const lines = [
      `### Idle processes — ${machineLine()}`,
      '',
      `Fastify's hello world; ${ROUNDS} rounds of ${SECONDS} s windows, the three processes in turn; ${CONNECTIONS} connections, one lean client (bench/lib/raw-load.ts).`,
      '',
      '| process | req/s, median | main thread µs per request, median | vs fresh | windows (µs) |',
      '|---|---|---|---|---|',
      ...[...rows].map(([name, r]) => {
        const us = median(r.us);
        return `| ${name} | ${median(r.rps)} | ${us.toFixed(1)} | ${Math.round((us / freshUs) * 100)}% | ${r.us.map((u) => u.toFixed(1)).join(', ')} |`;
      }),
    ];
    return { markdown: lines.join('\n') };
  } finally {
    for (const { proc } of procs) await proc.stop();
  }
}
