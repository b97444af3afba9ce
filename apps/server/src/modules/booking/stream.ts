import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../../lib/errors.ts';
import type { SeatEvents } from './seat-events.ts';
import type { BookingService } from './service.ts';

const KEEPALIVE_MS = 15_000;

/**
 * SSE: subscribe first, then send a fresh snapshot, then every delta. Subscribing before reading
 * the snapshot means no change can fall between the two; a delta already in the snapshot is
 * harmless because statuses are absolute.
 */
export async function streamSeatChanges(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: { booking: BookingService; seatEvents: SeatEvents; sessionId: string },
) {
  const pending: string[] = [];
  let ready = false;
  let closed = false;
  const send = (event: string, data: string) => {
    if (!closed) reply.raw.write(`event: ${event}\ndata: ${data}\n\n`);
  };
  const unsubscribe = await deps.seatEvents.subscribe(deps.sessionId, (raw) => {
    if (ready) send('delta', raw);
    else pending.push(raw);
  });
  let snapshot: Awaited<ReturnType<BookingService['loadAvailability']>>;
  try {
    snapshot = await deps.booking.loadAvailability(deps.sessionId);
  } catch (err) {
    await unsubscribe();
    throw err;
  }
  if (!snapshot) {
    await unsubscribe();
    throw new NotFound('Session');
  }

  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(req.id),
  });
  reply.raw.write('retry: 3000\n\n');
  send('snapshot', JSON.stringify(snapshot));
  for (const raw of pending) send('delta', raw);
  ready = true;

  const keepalive = setInterval(() => {
    if (!closed) reply.raw.write(': keep-alive\n\n');
  }, KEEPALIVE_MS);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(keepalive);
    unsubscribe().catch(() => {});
  };
  req.raw.on('close', close);
  reply.raw.on('error', close);
}
