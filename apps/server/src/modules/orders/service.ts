import type { FastifyBaseLogger } from 'fastify';
import type { Coordinator } from '../../coord/port.ts';
import { NotFound } from '../../lib/errors.ts';
import type { AccountsService } from '../accounts/service.ts';
import { HoldExpired, HoldNotActive } from '../booking/errors.ts';
import type { GaItem } from '../booking/repository.ts';
import { type SeatEvents, STATUS_CODE } from '../booking/seat-events.ts';
import type { BookingService } from '../booking/service.ts';
import type { PaymentProvider } from '../payments/port.ts';
import { verifyWebhookSignature, type WebhookEvent } from '../payments/webhook-format.ts';
import type { SessionsService } from '../sessions/service.ts';
import {
  CancellationClosed,
  IdempotencyKeyRequired,
  IdempotencyKeyReused,
  NothingToCancel,
  OrderExistsForHold,
  OrderNotPaid,
  TicketUsed,
} from './errors.ts';
import type { OrderRow, OrdersRepository } from './repository.ts';
import { orderSettlement, RECHECK_MS } from './settlement.ts';
import { toOrderView } from './view.ts';

export class WebhookRejected extends Error {}

export function ordersService(deps: {
  repo: OrdersRepository;
  booking: BookingService;
  sessions: SessionsService;
  accounts: Pick<AccountsService, 'findUser'>;
  provider: PaymentProvider;
  seatEvents: SeatEvents;
  /** Carries "this order left pending" to buyers long-polling it in other processes. */
  coord: Coordinator;
  webhookSecret: string;
  log: FastifyBaseLogger;
  /** After a sale commits (tickets issued): hook for ticket delivery. */
  onPaid?: (orderId: string) => Promise<void>;
}) {
  const { repo, provider } = deps;
  const settlement = orderSettlement({
    coord: deps.coord,
    onError: (err) => deps.log.warn({ err }, 'order settlement hint not published'),
  });

  async function ensurePayment(order: OrderRow) {
    const existing = await repo.paymentOf(order.id);
    return existing ?? createPayment(order);
  }

  /** Asks the provider for the order's payment (idempotent per order there and here). */
  async function createPayment(order: OrderRow) {
    const created = await provider.createPayment({
      orderId: order.id,
      amountCents: order.totalCents,
      currency: order.currency,
      description: `Tickets, order ${order.id.slice(0, 8)}`,
      returnUrl: `/orders/${order.id}`,
    });
    return repo.attachPayment({
      orderId: order.id,
      provider: provider.name,
      providerRef: created.providerRef,
      status: created.status,
      amountCents: order.totalCents,
      currency: order.currency,
      redirectUrl: created.redirectUrl,
    });
  }

  async function view(order: OrderRow) {
    // A pending order has neither tickets (they are made in the paying transaction) nor refunds
    // (requested only for paid, cancelled or failed orders): buyers waiting for their payment
    // poll this, so those two queries are skipped. The session (for the cut-off) may be a second old.
    const pending = order.status === 'pending';
    const [items, tickets, payment, refunds, session] = await Promise.all([
      repo.itemsOf(order.id),
      pending ? [] : repo.ticketsOf(order.id),
      repo.paymentOf(order.id),
      pending ? [] : repo.refundsOf(order.id),
      deps.booking.sessionRow(order.sessionId),
    ]);
    return toOrderView({ order, items, tickets, payment, refunds, session });
  }

  async function requestRefund(refundId: string, orderId: string, amountCents: number, reason: string) {
    const payment = await repo.paymentOf(orderId);
    if (!payment) return;
    try {
      await provider.refund({ providerRef: payment.providerRef, amountCents, refundId, reason });
    } catch (err) {
      // The refund row stays 'requested'; the refund sweeper asks again.
      deps.log.warn({ err, refundId }, 'refund request failed; will retry');
    }
  }

  return {
    async createOrder(userId: string, holdId: string, idempotencyKey: string) {
      const [known, hold] = await Promise.all([
        repo.findByKey(userId, idempotencyKey),
        repo.findHold(holdId),
      ]);
      if (known) {
        if (known.holdId !== holdId) throw new IdempotencyKeyReused();
        await ensurePayment(known);
        return { created: false, order: await view(known) };
      }
      if (!hold || hold.userId !== userId) throw new NotFound('Hold');
      if (hold.status !== 'active') throw new HoldNotActive(hold.status);
      if (hold.expiresAt.getTime() <= Date.now()) throw new HoldExpired();
      const session = (await deps.booking.sessionRow(hold.sessionId))!;
      const [prices, plan] = await Promise.all([
        deps.sessions.pricesOf([hold.sessionId]),
        deps.booking.planOf(session.layoutId),
      ]);
      const priceOf = (category: string) => prices.find((p) => p.categoryKey === category)?.amountCents ?? 0;
      const items = [
        ...hold.seatIds.map((seatId) => {
          const loc = plan!.index.get(seatId)!;
          return {
            seatId,
            areaId: null,
            category: loc.seat.category,
            label: `${loc.section.label} · Row ${loc.row.label} · Seat ${loc.seat.label}`,
            priceCents: priceOf(loc.seat.category),
          };
        }),
        ...(hold.gaItems as GaItem[]).flatMap((g) => {
          const area = plan!.gaAreas.get(g.areaId)!;
          return Array.from({ length: g.quantity }, () => ({
            seatId: null,
            areaId: g.areaId,
            category: area.category,
            label: `${area.label} (standing)`,
            priceCents: priceOf(area.category),
          }));
        }),
      ];
      // The hold is checked again under its lock in the database (it may have changed meanwhile).
      const result = await repo.createOrder({
        userId,
        holdId,
        idempotencyKey,
        items,
        currency: prices[0]?.currency ?? 'EUR',
      });
      switch (result.outcome) {
        case 'hold-not-found':
          throw new NotFound('Hold');
        case 'hold-not-active':
          throw new HoldNotActive(result.detail ?? 'no longer active');
        case 'hold-expired':
          throw new HoldExpired();
        case 'order-exists': {
          const live = await repo.liveOrderForHold(holdId);
          throw new OrderExistsForHold(live?.id ?? 'unknown');
        }
        case 'existing': {
          const order = result.order!;
          if (order.holdId !== holdId) throw new IdempotencyKeyReused();
          await ensurePayment(order);
          return { created: false, order: await view(order) };
        }
      }
      // A new order: no payment yet, no tickets, no refunds; its items are the ones just written.
      const order = result.order!;
      const payment = await createPayment(order);
      return {
        created: true,
        order: toOrderView({ order, items, tickets: [], payment, refunds: [], session }),
      };
    },

    async getOrder(orderId: string, userId: string, wait?: { timeoutMs: number; signal?: AbortSignal }) {
      // Listening starts before the read, so a settlement between the two is not missed.
      const waiter = wait ? settlement.listen(orderId) : null;
      try {
        let details = await repo.orderDetails(orderId);
        if (!details || details.order.userId !== userId) throw new NotFound('Order');
        const deadline = Date.now() + (wait?.timeoutMs ?? 0);
        while (waiter && details.order.status === 'pending' && settlement.isOpen()) {
          const left = deadline - Date.now();
          if (left <= 0 || wait?.signal?.aborted) break;
          // Woken by a hint, or after RECHECK_MS without one: either way the database decides.
          await waiter.next(Math.min(left, RECHECK_MS), wait?.signal);
          if (wait?.signal?.aborted) break;
          details = (await repo.orderDetails(orderId)) ?? details;
        }
        const session = await deps.booking.sessionRow(details.order.sessionId);
        return toOrderView({ ...details, session });
      } finally {
        waiter?.close();
      }
    },

    async listOrders(userId: string) {
      return Promise.all((await repo.ordersOfUser(userId)).map(view));
    },

    async cancel(orderId: string, userId: string, ticketIds?: string[]) {
      await this.assertCancellable(orderId, userId);
      const result = await repo.cancelTickets(orderId, userId, ticketIds, (order) => {
        if (order.status !== 'paid') return new OrderNotPaid(order.status);
        return null;
      });
      if (result instanceof Error) {
        if (result.message === 'not-found') throw new NotFound('Order');
        if (result.message === 'nothing') throw new NothingToCancel();
        if (result.message === 'ticket-used') throw new TicketUsed();
        throw result;
      }
      deps.seatEvents.publish(result.order.sessionId, { s: STATUS_CODE.available, ids: result.seats });
      if (result.refund)
        await requestRefund(result.refund.id, orderId, result.refund.amountCents, result.refund.reason);
      return view((await repo.findOrder(orderId))!);
    },

    /** The cut-off check runs before the transaction: it depends only on the session's times. */
    async assertCancellable(orderId: string, userId: string) {
      const order = await repo.findOrder(orderId);
      if (!order || order.userId !== userId) throw new NotFound('Order');
      const session = (await deps.sessions.findRow(order.sessionId))!;
      const cutoff = new Date(session.startsAt.getTime() - session.cancelCutoffHours * 3600_000);
      if (Date.now() >= cutoff.getTime()) throw new CancellationClosed(cutoff);
    },

    /**
     * A provider webhook: verified, deduplicated by event id in the same transaction as its effect,
     * and applied only if it still makes sense (a late or out-of-order event changes nothing).
     */
    async handleWebhook(rawBody: string, signature: string | undefined) {
      if (!verifyWebhookSignature(deps.webhookSecret, rawBody, signature))
        throw new WebhookRejected('bad signature');
      let event: WebhookEvent;
      try {
        event = JSON.parse(rawBody) as WebhookEvent;
      } catch {
        throw new WebhookRejected('malformed body');
      }
      if (!event?.id || !event.type || !event.data?.orderId) throw new WebhookRejected('malformed event');
      const order = await repo.findOrder(event.data.orderId);
      if (!order) {
        deps.log.warn({ eventId: event.id }, 'webhook for an unknown order ignored');
        return { outcome: 'unknown-order' };
      }
      const user = await deps.accounts.findUser(order.userId);
      const result = await repo.once(event.id, event.type, async (tx) => {
        switch (event.type) {
          case 'payment.succeeded': {
            await repo.setPaymentStatus(tx, order.id, 'succeeded');
            const outcome = await repo.finalizePaid(tx, order.id, user?.name ?? 'Ticket holder');
            return { outcome: outcome.kind, result: outcome };
          }
          case 'payment.failed': {
            await repo.setPaymentStatus(tx, order.id, 'failed');
            const changed = await repo.markPaymentFailed(
              tx,
              order.id,
              event.data.failureReason ?? 'payment_failed',
            );
            return { outcome: changed ? 'failed' : 'ignored', result: null };
          }
          case 'payment.requires_action':
            await repo.setPaymentStatus(tx, order.id, 'requires_action');
            return { outcome: 'noted', result: null };
          case 'refund.succeeded': {
            const refund = event.data.refundId ? await repo.completeRefund(tx, event.data.refundId) : null;
            return { outcome: refund ? 'refunded' : 'ignored', result: null };
          }
          default:
            return { outcome: 'ignored-type', result: null };
        }
      });
      if (result.duplicate) {
        deps.log.info({ eventId: event.id }, 'duplicate webhook ignored');
        return { outcome: 'duplicate' };
      }
      if (result.outcome === 'paid' || result.outcome === 'seats-gone' || result.outcome === 'failed')
        settlement.announce(order.id);
      const outcome = result.result as {
        kind?: string;
        soldSeats?: string[];
        refundId?: string;
        amountCents?: number;
      } | null;
      if (outcome?.kind === 'paid') {
        deps.seatEvents.publish(order.sessionId, { s: STATUS_CODE.sold, ids: outcome.soldSeats ?? [] });
        await deps.onPaid?.(order.id);
      } else if (outcome?.kind === 'seats-gone') {
        await requestRefund(
          outcome.refundId!,
          order.id,
          outcome.amountCents!,
          'seats_unavailable_after_expiry',
        );
      }
      return { outcome: result.outcome };
    },

    /** Re-sends refund requests the provider has not confirmed (idempotent per refund id). */
    async retryPendingRefunds() {
      for (const r of await repo.pendingRefunds(30_000)) {
        await requestRefund(r.id, r.order_id, r.amount_cents, r.reason);
      }
    },

    /** Hints for long-polling buyers: start() subscribes this process, stop() answers open waits. */
    settlement,

    validateKey(key: unknown): string {
      if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) throw new IdempotencyKeyRequired();
      return key;
    },
  };
}

export type OrdersService = ReturnType<typeof ordersService>;
