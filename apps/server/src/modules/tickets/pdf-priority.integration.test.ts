import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

/**
 * Ticket PDFs render in a worker thread at a lower OS priority (nice 10), so a burst of payments
 * gets the CPU first. On Linux nice is per thread: the process's main thread must keep its own.
 */
const threadNices = () =>
  new Map(
    fs.readdirSync('/proc/self/task').map((tid) => {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name: state is 0, nice is 16.
      return [Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])] as const;
    }),
  );

describe.runIf(process.platform === 'linux')('ticket PDF worker priority', () => {
  it('runs the PDF worker thread at nice 10 and leaves the main thread alone', async () => {
    const before = threadNices();
    expect(before.get(process.pid)).toBe(0);
    const worker = new Worker(new URL('./pdf-worker-entry.mjs', import.meta.url));
    try {
      await new Promise<void>((resolve, reject) => {
        worker.once('online', () => resolve());
        worker.once('error', reject);
      });
      // The entry loads tsx and then the worker module, which lowers its own thread's priority.
      let lowered: number[] = [];
      for (let i = 0; i < 100 && !lowered.length; i++) {
        await new Promise((r) => setTimeout(r, 50));
        lowered = [...threadNices()].filter(([tid, nice]) => nice === 10 && !before.has(tid)).map(([t]) => t);
      }
      expect(lowered).toHaveLength(1);
      const after = threadNices();
      expect(after.get(process.pid)).toBe(0);
      // Every thread that existed before (the main thread, libuv and V8 helpers) kept its priority.
      for (const [tid, nice] of before)
        if (after.has(tid)) expect(after.get(tid), `thread ${tid}`).toBe(nice);
    } finally {
      await worker.terminate();
    }
  });
});
