import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { JobContext, JobRunner } from '../../jobs/runner.ts';
import type { Tx } from '../../jobs/sql-executor.ts';
import type { Mailer } from '../../mail/port.ts';
import { venueAddress } from './document.ts';
import { composeTicketEmail } from './email.ts';
import { buildIcs } from './ics.ts';
import { renderTicketsPdf } from './pdf-offload.ts';
import { DEFAULT_QUIET_GATE, type QuietGatePolicy, quietGate } from './quiet-gate.ts';
import type { TicketsRepository } from './repository.ts';
import type { TicketsService } from './service.ts';

export const DELIVERY_QUEUE = 'ticket-delivery';

export type DeliveryPolicy = {
  /** Retries after the first attempt. With a 1 s base and backoff, 12 retries span about 1–2 hours. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Each wait about doubles (with jitter): 1–2 s, 2–4 s, … */
  retryBackoff: boolean;
  /** An attempt taking longer is failed by pg-boss and retried. */
  expireInSeconds: number;
  /** Parallel attempts per process. */
  concurrency: number;
  /** Workers wait while the process is busy answering requests (quiet-gate.ts); null: never. */
  quiet: QuietGatePolicy | null;
};

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  retryLimit: 12,
  retryDelaySeconds: 1,
  retryBackoff: true,
  expireInSeconds: 120,
  concurrency: 4,
  quiet: DEFAULT_QUIET_GATE,
};

type DeliveryJob = { deliveryId: string };

/**
 * Durable ticket email: a delivery row and its pg-boss job are written in the transaction that
 * causes them (the payment, or a re-send request), and a worker renders the PDF and sends the
 * mail. The row is the delivered marker: claim, send, mark sent; a later attempt of the same
 * delivery finds it sent and does nothing.
 */
export function ticketDelivery(deps: {
  database: Pick<Database, 'db'>;
  repo: TicketsRepository;
  service: Pick<TicketsService, 'orderDocument'>;
  jobs: JobRunner;
  mailer: Mailer;
  publicUrl: string;
  policy: DeliveryPolicy;
  log: FastifyBaseLogger;
}) {
  const { repo, jobs, policy, log } = deps;
  // Longer than an attempt may run, so a live attempt never loses its claim to a retry.
  const leaseSeconds = policy.expireInSeconds + 60;
  const host = new URL(deps.publicUrl).hostname;
  const gate = policy.quiet ? quietGate(policy.quiet) : null;

  jobs.defineQueue({
    name: DELIVERY_QUEUE,
    retryLimit: policy.retryLimit,
    retryDelaySeconds: policy.retryDelaySeconds,
    retryBackoff: policy.retryBackoff,
    expireInSeconds: policy.expireInSeconds,
  });

  async function attempt(job: JobContext<DeliveryJob>) {
    const id = job.data.deliveryId;
    const claimed = await repo.claim(id, leaseSeconds);
    if (!claimed) {
      const current = await repo.delivery(id);
      // Another attempt is sending it right now: come back later, and find it sent.
      if (current?.status === 'sending') throw new Error('delivery is being sent by another attempt');
      return { skipped: current?.status ?? 'missing' };
    }
    let messageId: string;
    try {
      const doc = await deps.service.orderDocument(claimed.orderId);
      if (!doc) {
        await repo.markAttemptFailed(id, 'nothing to send: no valid tickets', true);
        return { skipped: 'no-tickets' };
      }
      const pdf = await renderTicketsPdf(doc, { publicUrl: deps.publicUrl });
      const ics = buildIcs({
        uid: `order-${doc.orderId}@${host}`,
        start: doc.session.startsAt,
        end: doc.session.endsAt,
        summary: doc.event.title,
        location: `${doc.venue.name}, ${venueAddress(doc.venue)}`,
        description: [
          `Order ${doc.orderNumber}`,
          ...doc.tickets.map((t) => `${t.label} (${t.categoryLabel})`),
          `Tickets: ${deps.publicUrl}/tickets`,
        ].join('\n'),
        url: `${deps.publicUrl}/tickets`,
      });
      const message = composeTicketEmail(doc, {
        pdf,
        ics,
        publicUrl: deps.publicUrl,
        resend: claimed.reason === 'resend',
      });
      messageId = (await deps.mailer.send(message)).messageId;
    } catch (err) {
      const final = job.retryCount >= job.retryLimit;
      await repo.markAttemptFailed(id, (err as Error).message, final);
      log.warn(
        { err, deliveryId: id, orderId: claimed.orderId, attempt: claimed.attempts, final },
        'ticket email attempt failed',
      );
      throw err;
    }
    // Sent. Should this write fail, the row stays 'sending' until its lease ends and the email may
    // go out once more: the one window left, where the relay has the mail and we could not say so.
    await repo.markSent(id, messageId);
    log.info({ deliveryId: id, orderId: claimed.orderId, attempts: claimed.attempts }, 'tickets emailed');
    return { messageId };
  }

  return {
    /** In the paying transaction: the order's first email, once per order however often this runs. */
    async enqueueInTransaction(tx: Tx, orderId: string) {
      const id = await repo.insertPaidDelivery(tx, orderId);
      if (id) await jobs.sendInTransaction(tx, DELIVERY_QUEUE, { deliveryId: id }, { id });
    },

    /** A re-send the buyer asked for, or the one already waiting. */
    async requestResend(orderId: string) {
      const row = await deps.database.db.transaction(async (tx) => {
        const { row, created } = await repo.insertResend(tx, orderId);
        if (created) await jobs.sendInTransaction(tx, DELIVERY_QUEUE, { deliveryId: row.id }, { id: row.id });
        return row;
      });
      jobs.wake(DELIVERY_QUEUE);
      return row;
    },

    /** Runs one attempt of a delivery now (as a worker would); for tests and tools. */
    attempt,

    /** The workers: each attempt first waits for a quiet moment (at most policy.quiet.maxWaitMs). */
    startWorkers: () =>
      jobs.work<DeliveryJob>(DELIVERY_QUEUE, { concurrency: policy.concurrency }, async (job) => {
        await gate?.whenQuiet();
        return attempt(job);
      }),

    /** Shutdown: attempts waiting for a quiet moment go now, so stopping never waits for one. */
    releaseWaits: () => gate?.release(),

    wake: () => jobs.wake(DELIVERY_QUEUE),
  };
}

export type TicketDelivery = ReturnType<typeof ticketDelivery>;
