import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import { createJobRunner, type JobOutcomeObserver } from '../../jobs/runner.ts';
import type { Tx } from '../../jobs/sql-executor.ts';
import { createMailer, type LocalOutbox, type Mailer } from '../../mail/index.ts';
import type { BookingService } from '../booking/service.ts';
import {
  DEFAULT_DELIVERY_POLICY,
  type DeliveryPolicy,
  type TicketDelivery,
  ticketDelivery,
} from './delivery.ts';
import { resolveTicketKeys } from './keys.ts';
import { closePdfWorker } from './pdf-offload.ts';
import { ticketsRepository } from './repository.ts';
import { ticketsService } from './service.ts';

export { ticketRoutes } from './routes.ts';

/** The slice of Config this module reads (config.ts: `mail` and `tickets`). */
export type TicketingConfig = {
  env: 'development' | 'production' | 'test';
  dataDir: string;
  publicUrl: string;
  mail: { smtpUrl: string | null; from: string };
  /** `workers`: TICKET_WORKERS (default true); `deps.workers` overrides it. */
  tickets: { signingKey: string | null; publicKey: string | null; workers?: boolean };
};

export type Ticketing = ReturnType<typeof createTicketing>;

/**
 * The tickets module, wired: signing keys (generated into DATA_DIR outside production), the
 * mailer (SMTP or local outbox), the pg-boss delivery queue and its workers, and the use cases.
 * Construction does no I/O beyond reading or creating the key file; start() installs pg-boss and
 * its queue (so it must finish before payments are accepted) and starts the workers.
 */
export function createTicketing(deps: {
  database: Database;
  config: TicketingConfig;
  booking: Pick<BookingService, 'planOf'>;
  log: FastifyBaseLogger;
  /** Replaces the configured mailer (tests). */
  mailer?: Mailer;
  delivery?: Partial<DeliveryPolicy>;
  /** How often idle delivery workers poll (pg-boss floor 0.5 s); committed jobs of this process wake them at once. */
  pollingIntervalSeconds?: number;
  /** Run delivery workers in this process (default: config.tickets.workers, else true). */
  workers?: boolean;
  /** Told of each email sent or failed and each job attempt (the monitoring module counts them). */
  observe?: { mail?: (outcome: 'sent' | 'failed') => void; job?: JobOutcomeObserver };
}) {
  const { config, log } = deps;
  const runWorkers = deps.workers ?? config.tickets.workers ?? true;
  const keys = resolveTicketKeys({ env: config.env, dataDir: config.dataDir, ...config.tickets });
  const { mailer, outbox } = deps.mailer
    ? { mailer: deps.mailer, outbox: null as LocalOutbox | null }
    : createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, dataDir: config.dataDir });
  const onMail = deps.observe?.mail;
  const countedMailer: Mailer = onMail
    ? {
        ...mailer,
        kind: mailer.kind,
        send: async (message) => {
          try {
            const sent = await mailer.send(message);
            onMail('sent');
            return sent;
          } catch (err) {
            onMail('failed');
            throw err;
          }
        },
        close: () => mailer.close(),
      }
    : mailer;
  const repo = ticketsRepository(deps.database.db);
  const jobs = createJobRunner({
    database: deps.database,
    log,
    pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 2,
    onOutcome: deps.observe?.job,
  });
  let delivery: TicketDelivery | undefined;
  const service = ticketsService({
    repo,
    keys,
    planOf: deps.booking.planOf,
    publicUrl: config.publicUrl,
    requestResend: (orderId) => delivery!.requestResend(orderId),
  });
  delivery = ticketDelivery({
    database: deps.database,
    repo,
    service,
    jobs,
    mailer: countedMailer,
    publicUrl: config.publicUrl,
    policy: { ...DEFAULT_DELIVERY_POLICY, ...deps.delivery },
    log,
  });
  const devMailbox = outbox && config.env !== 'production' ? outbox : null;
  let started = false;

  return {
    service,
    keys,
    mailer,
    /** The local outbox when it is in use and this is not production: the dev mailbox routes show it. */
    devMailbox,
    delivery,
    jobs,

    /**
     * Call inside the transaction that marks the order paid (orders/repository.ts#finalizePaid):
     * the delivery row and its job commit with the payment or not at all.
     */
    enqueueInTransaction: (tx: Tx, orderId: string) => delivery!.enqueueInTransaction(tx, orderId),

    /** After the paying transaction committed: wake this process's workers (others poll). */
    onPaid: async (_orderId: string) => delivery!.wake(),

    async start() {
      if (started) return;
      started = true;
      await jobs.start();
      if (runWorkers) await delivery!.startWorkers();
      else
        log.info(
          'ticket delivery workers are off in this process (TICKET_WORKERS=false): processes with them on send the emails',
        );
      if (config.env === 'production' && mailer.kind === 'outbox')
        log.warn('SMTP_URL is not set: ticket emails are kept in DATA_DIR/outbox, not sent');
      log.info({ mail: mailer.kind, keyId: keys.keyId, workers: runWorkers }, 'ticket delivery started');
    },

    async stop() {
      delivery!.releaseWaits();
      await jobs.stop();
      await mailer.close();
      await closePdfWorker();
    },
  };
}
