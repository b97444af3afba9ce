/**
 * The V8 flags every server process (full or queue edge) is started with: in `npm start`,
 * `npm run start:queue-edge`, the README's production command, and the test and bench harness
 * (test/server-process.ts), so all of them run the process production runs.
 *
 * `--no-memory-reducer`: after a process has been idle for a while (seconds of low allocation),
 * V8's memory reducer runs garbage collections that hand heap back to the system, and the process
 * then stays slower under load: measured on Fastify's own hello world, idle 150 s and then loaded,
 * 16.2 µs of main-thread CPU per request against 13.4 µs for a process started just before
 * (20% more), through 10 s of full load and after; started with this flag, the idle process ran
 * at 13.6 µs (docs/BENCHMARKS.md, session 9). Server processes sit idle until an on-sale opens
 * and then take its whole burst, which is the one moment they must be fast; the memory the
 * reducer would give back is the heap they reached under load, which they will need again.
 *
 * It is a V8 start-up flag: `v8.setFlagsFromString` once running does not turn the reducer off
 * (measured: same 16.2 µs), and NODE_OPTIONS does not accept it, so it goes on the command line.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--no-memory-reducer'];

/** The server flags this process was started without (start-up warns about them). */
export function missingServerFlags(execArgv: readonly string[] = process.execArgv): string[] {
  return SERVER_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
}

/** Logs a warning when the process was started without the server flags (a hand-written command). */
export function warnOnMissingServerFlags(log: { warn(obj: object, msg: string): void }) {
  const missing = missingServerFlags();
  if (missing.length > 0)
    log.warn(
      { missing },
      `started without ${missing.join(' ')}: after idle periods this process answers about 20% slower (see apps/server/src/lib/node-flags.ts)`,
    );
}
