import { Worker } from 'node:worker_threads';
import type { OrderDocument } from './document.ts';
import { type PdfOptions, renderTicketsPdf as renderHere } from './pdf.ts';

/**
 * Ticket PDFs are rendered in one worker thread, so a burst of deliveries (≈40 ms of synchronous
 * pdfkit + QR work per 2-ticket email) never stalls the event loop that answers paying buyers.
 * The worker's entry (pdf-worker-entry.mjs) registers tsx itself, since worker threads do not
 * inherit the main thread's loader hooks. Under the test runner, or if the worker fails, it
 * renders in process: same function, same output.
 */
let worker: Worker | null = null;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();

function canUseWorker() {
  // Under the test runner modules load through its own loader; tests render in process.
  return !workerBroken && !process.env.VITEST;
}

function startWorker(): Worker {
  const w = new Worker(new URL('./pdf-worker-entry.mjs', import.meta.url));
  w.unref();
  w.on('message', (msg: { id: number; pdf?: ArrayBuffer; error?: string }) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.pdf) p.resolve(Buffer.from(msg.pdf));
    else p.reject(new Error(msg.error ?? 'PDF worker failed'));
  });
  const fail = (err: Error) => {
    workerBroken = true;
    worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(err);
    }
  };
  w.on('error', fail);
  w.on('exit', (code) => {
    if (code !== 0) fail(new Error(`PDF worker exited with ${code}`));
    worker = null;
  });
  return w;
}

export async function renderTicketsPdf(order: OrderDocument, opts: PdfOptions): Promise<Buffer> {
  if (!canUseWorker()) return renderHere(order, opts);
  try {
    worker ??= startWorker();
    const id = nextId++;
    return await new Promise<Buffer>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker!.postMessage({ id, order, opts });
    });
  } catch {
    // A broken worker must not cost a ticket: render here instead (the job would retry anyway).
    return renderHere(order, opts);
  }
}

export async function closePdfWorker() {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
