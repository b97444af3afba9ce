import { parentPort } from 'node:worker_threads';
import { renderTicketsPdf } from './pdf.ts';

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
