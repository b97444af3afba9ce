import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { renderTicketsPdf } from './pdf.ts';

/**
 * Ticket delivery is background work: during an on-sale burst, buyers' requests must win the CPU
 * over PDFs, which can go out a little later. On Linux the nice value belongs to a thread, so
 * raising it here (0 = this thread) lowers only this worker's priority; the event loop and its
 * other threads keep theirs. Elsewhere (macOS, Windows) it would lower the whole process, so it
 * is left alone there. A refusal only means rendering at normal priority.
 */
const PDF_THREAD_NICE = 10;
if (process.platform === 'linux') {
  try {
    os.setPriority(0, PDF_THREAD_NICE);
  } catch {
    // not permitted here: render at normal priority
  }
}

/** Renders ticket PDFs off the main thread: pdfkit and the QR encoder are synchronous CPU work. */
parentPort?.on(
  'message',
  async (msg: {
    id: number;
    order: Parameters<typeof renderTicketsPdf>[0];
    opts: Parameters<typeof renderTicketsPdf>[1];
  }) => {
    try {
      const pdf = await renderTicketsPdf(msg.order, msg.opts);
      // Copy out of Node's pooled buffer before transferring, so no other buffer's memory moves.
      const bytes = pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength) as ArrayBuffer;
      parentPort!.postMessage({ id: msg.id, pdf: bytes }, [bytes]);
    } catch (err) {
      parentPort!.postMessage({ id: msg.id, error: (err as Error).message });
    }
  },
);
