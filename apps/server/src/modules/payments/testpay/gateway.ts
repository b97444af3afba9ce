import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import { NotFound } from '../../../lib/errors.ts';
import { isUniqueViolation } from '../../../lib/pg-errors.ts';
import type { CreatePaymentInput, PaymentProvider, RefundInput } from '../port.ts';
import type { WebhookEvent, WebhookEventType } from '../webhook-format.ts';
import { cardOutcome, isWellFormedCardNumber, normalizeCardNumber } from './cards.ts';
import {
  createDeliveryWorker,
  DEFAULT_RETRY,
  type DeliverFn,
  type Log,
  type RetryPolicy,
} from './delivery.ts';
import {
  InvalidCardNumber,
  InvalidPaymentInput,
  NotAwaitingAction,
  PaymentNotRefundable,
  PaymentOrderMismatch,
  RefundExceedsPayment,
  RefundIdReused,
  UnknownTestCard,
} from './errors.ts';
import { type PaymentRow, type RefundRow, type TestpayRepository, testpayRepository } from './repository.ts';
import { isAllowedReturnUrl } from './return-url.ts';

export type TestpayDeps = {
  db: Db;
  webhookSecret: string;
  deliver: DeliverFn;
  log?: Log;
  /** The clock for every timestamp, due time and signature: tests move it instead of sleeping. */
  now?: () => Date;
  /** The platform's public URL; absolute return URLs must be on its origin (relative ones always pass). */
  publicUrl?: string;
  duplicateRate?: number;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  deliveryTimeoutMs?: number;
};

export type TestpayPayment = PaymentRow;

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const silent: Log = { info: () => {}, warn: () => {} };
const EVENT_FOR_STATUS = {
  succeeded: 'payment.succeeded',
  failed: 'payment.failed',
  requires_action: 'payment.requires_action',
} as const satisfies Partial<Record<PaymentRow['status'], WebhookEventType>>;

export function createTestpayGateway(deps: TestpayDeps) {
  const repo = testpayRepository(deps.db);
  const now = deps.now ?? (() => new Date());
  const worker = createDeliveryWorker({
    repo,
    webhookSecret: deps.webhookSecret,
    deliver: deps.deliver,
    now,
    log: deps.log ?? silent,
    retry: { ...DEFAULT_RETRY, ...deps.retry },
    duplicateRate: Math.min(1, Math.max(0, deps.duplicateRate ?? 0)),
    random: deps.random ?? Math.random,
    timeoutMs: deps.deliveryTimeoutMs ?? 10_000,
  });

  function event(type: WebhookEventType, p: PaymentRow, at: Date, refund?: RefundRow): WebhookEvent {
    return {
      id: newId('evt'),
      type,
      created: at.getTime(),
      data: {
        paymentId: p.id,
        orderId: p.orderId,
        // For a refund: the amount refunded by this refund, and the payment's status after it.
        amountCents: refund ? refund.amountCents : p.amountCents,
        currency: p.currency,
        status: p.status,
        ...(refund ? { refundId: refund.refundId } : {}),
        ...(p.failureReason ? { failureReason: p.failureReason } : {}),
      },
    };
  }

  async function requirePayment(id: string) {
    const payment = await repo.findPayment(id);
    if (!payment) throw new NotFound('Payment');
    return payment;
  }

  /**
   * One state change and its webhook event, committed together. Of concurrent callers only the
   * one whose conditional UPDATE matched enqueues; the others report the state the winner made.
   */
  async function transition(
    id: string,
    from: PaymentRow['status'],
    set: Parameters<TestpayRepository['transition']>[2] & { status: keyof typeof EVENT_FOR_STATUS },
  ) {
    const at = now();
    const changed = await repo.transaction(async (tx) => {
      const row = await tx.transition(id, from, set, at);
      if (row) await tx.enqueueEvent(event(EVENT_FOR_STATUS[set.status], row, at), at);
      return row;
    });
    if (!changed) return requirePayment(id);
    worker.nudge();
    return changed;
  }

  function validateCreate(input: CreatePaymentInput) {
    if (!input.orderId || input.orderId.length > 200) throw new InvalidPaymentInput('orderId is required.');
    if (!Number.isInteger(input.amountCents) || input.amountCents <= 0 || input.amountCents > 2 ** 31 - 1)
      throw new InvalidPaymentInput('amountCents must be a positive integer.');
    if (!/^[A-Za-z]{3}$/.test(input.currency)) throw new InvalidPaymentInput('currency must be ISO 4217.');
    if (input.description.length > 1000) throw new InvalidPaymentInput('description is too long.');
    if (!isAllowedReturnUrl(input.returnUrl, deps.publicUrl))
      throw new InvalidPaymentInput('returnUrl must be site-relative or on the platform origin.');
  }

  const provider: PaymentProvider = {
    name: 'testpay',

    async createPayment(input) {
      validateCreate(input);
      const currency = input.currency.toUpperCase();
      const at = now();
      const inserted = await repo.insertPaymentIfAbsent({
        id: newId('pay'),
        orderId: input.orderId,
        amountCents: input.amountCents,
        currency,
        description: input.description,
        returnUrl: input.returnUrl,
        createdAt: at,
        updatedAt: at,
      });
      const payment = inserted ?? (await repo.findPaymentByOrder(input.orderId));
      if (!payment) throw new Error('testpay: payment vanished after an order_id conflict');
      // Same order, different money: a platform bug that must not be papered over.
      if (payment.amountCents !== input.amountCents || payment.currency !== currency)
        throw new PaymentOrderMismatch();
      return { providerRef: payment.id, status: payment.status, redirectUrl: `/pay/${payment.id}` };
    },

    async refund(input: RefundInput) {
      if (!Number.isInteger(input.amountCents) || input.amountCents <= 0)
        throw new InvalidPaymentInput('amountCents must be a positive integer.');
      if (!input.refundId || input.refundId.length > 200)
        throw new InvalidPaymentInput('refundId is required.');
      const same = (r: RefundRow) => {
        if (r.paymentId !== input.providerRef || r.amountCents !== input.amountCents)
          throw new RefundIdReused();
        return { refundRef: r.id };
      };
      const existing = await repo.findRefund(input.refundId);
      if (existing) return same(existing);
      await requirePayment(input.providerRef);
      const at = now();
      try {
        const refund = await repo.transaction(async (tx) => {
          // Inserted first: a concurrent twin with the same refundId waits on the unique index, then fails.
          const r = await tx.insertRefund({
            id: newId('re'),
            refundId: input.refundId,
            paymentId: input.providerRef,
            amountCents: input.amountCents,
            reason: input.reason.slice(0, 500),
            createdAt: at,
          });
          const payment = await tx.addRefundedAmount(input.providerRef, input.amountCents, at);
          if (!payment) {
            const p = (await tx.findPayment(input.providerRef))!;
            throw p.status !== 'succeeded'
              ? new PaymentNotRefundable(p.status)
              : new RefundExceedsPayment(p.amountCents - p.refundedCents);
          }
          await tx.enqueueEvent(event('refund.succeeded', payment, at, r), at);
          return r;
        });
        worker.nudge();
        return { refundRef: refund.id };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        return same((await repo.findRefund(input.refundId))!);
      }
    },
  };

  return {
    provider,

    /** Pays with a test card (see cards.ts). A payment past requires_payment is returned as it is. */
    async confirm(paymentId: string, cardNumber: string): Promise<TestpayPayment> {
      const card = normalizeCardNumber(cardNumber);
      if (!isWellFormedCardNumber(card)) throw new InvalidCardNumber();
      const payment = await requirePayment(paymentId);
      if (payment.status !== 'requires_payment') return payment;
      const outcome = cardOutcome(card);
      if (outcome.kind === 'unknown_card') throw new UnknownTestCard();
      const cardLast4 = card.slice(-4);
      return outcome.kind === 'failed'
        ? transition(paymentId, 'requires_payment', {
            status: 'failed',
            failureReason: outcome.failureReason,
            cardLast4,
          })
        : transition(paymentId, 'requires_payment', { status: outcome.kind, failureReason: null, cardLast4 });
    },

    /** Completes the simulated 3-D Secure step; a payment already decided is returned as it is. */
    async authenticate(paymentId: string, approve: boolean): Promise<TestpayPayment> {
      const payment = await requirePayment(paymentId);
      if (payment.status === 'requires_payment') throw new NotAwaitingAction();
      if (payment.status !== 'requires_action') return payment;
      return transition(
        paymentId,
        'requires_action',
        approve
          ? { status: 'succeeded', failureReason: null }
          : { status: 'failed', failureReason: 'authentication_failed' },
      );
    },

    getPayment: (paymentId: string): Promise<TestpayPayment | null> => repo.findPayment(paymentId),

    startDelivery: (opts: { intervalMs: number }) => worker.start(opts),
    stopDelivery: () => worker.stop(),
    deliverDue: () => worker.deliverDue(),

    /** Levers for tests of the platform's webhook handling: late, duplicated, out of order. */
    testing: {
      redeliver: (eventId: string) => worker.redeliver(eventId),
      holdDeliveries: (on: boolean) => worker.hold(on),
      deliverInOrder: (order: 'created' | 'reverse') => worker.deliverInOrder(order),
      /** The outbox rows (oldest first), optionally of one payment. */
      events: (paymentId?: string) => repo.listEvents(paymentId),
    },
  };
}

export type TestpayGateway = ReturnType<typeof createTestpayGateway>;
