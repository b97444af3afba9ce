import { type EventLoopUtilization, performance } from 'node:perf_hooks';

/**
 * Lets background work (ticket emails) wait while this process is busy answering requests. In an
 * on-sale burst the event loop is what buyers queue for; rendering a PDF and sending a mail takes
 * its CPU (and the machine's) from them, while the email can go out a little later. A lower OS
 * priority for the PDF thread alone did not measurably change that on a 2-core machine (see
 * docs/BENCHMARKS.md), so the work itself waits: until the event loop was busy less than
 * `busyAbove` of the last `windowMs`, and never longer than `maxWaitMs`, so emails always progress.
 */
export type QuietGatePolicy = { busyAbove: number; windowMs: number; maxWaitMs: number };

export const DEFAULT_QUIET_GATE: QuietGatePolicy = { busyAbove: 0.5, windowMs: 250, maxWaitMs: 30_000 };

/** Windows without any caller after which sampling stops (and the next caller measures afresh). */
const IDLE_WINDOWS = 20;

export function quietGate(policy: QuietGatePolicy) {
  const waiters = new Set<{ until: number; done: () => void }>();
  let timer: NodeJS.Timeout | null = null;
  let last: EventLoopUtilization | null = null;
  /** Share of the last window the event loop was busy; null until a window has been measured. */
  let busy: number | null = null;
  let unused = 0;

  function stopSampling() {
    if (timer) clearInterval(timer);
    timer = null;
    last = null;
    busy = null;
  }

  function sample() {
    const now = performance.eventLoopUtilization();
    busy = last ? performance.eventLoopUtilization(now, last).utilization : 1;
    last = now;
    const at = Date.now();
    for (const w of waiters)
      if (busy < policy.busyAbove || at >= w.until) {
        waiters.delete(w);
        w.done();
      }
    unused = waiters.size ? 0 : unused + 1;
    if (unused >= IDLE_WINDOWS) stopSampling();
  }

  return {
    /** Resolves with how long it waited (ms): at once while the last window was quiet. */
    async whenQuiet(): Promise<number> {
      unused = 0;
      if (busy !== null && busy < policy.busyAbove) return 0;
      const started = Date.now();
      await new Promise<void>((done) => {
        waiters.add({ until: started + policy.maxWaitMs, done });
        if (!timer) {
          last = performance.eventLoopUtilization();
          timer = setInterval(sample, policy.windowMs);
          timer.unref();
        }
      });
      return Date.now() - started;
    },

    /** Lets every waiter go now (shutdown). */
    release() {
      for (const w of waiters) w.done();
      waiters.clear();
      stopSampling();
    },
  };
}
