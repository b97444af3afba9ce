import { Conflict, NotFound } from '../../lib/errors.ts';
import type { SessionPlan } from '../booking/session-plan.ts';
import { type OrderDocument, venueDateTime } from './document.ts';
import {
  TicketAlreadyUsed,
  TicketCancelled,
  TicketCodeForged,
  TicketCodeMalformed,
  TicketsNotIssued,
  TicketUnknown,
  TicketWrongSession,
} from './errors.ts';
import type { TicketKeys } from './keys.ts';
import { renderTicketsPdf } from './pdf-offload.ts';
import type { DeliveryRow, TicketRow, TicketsRepository } from './repository.ts';
import { signTicket, verifyTicket } from './token.ts';
import { type TicketView, toOrderDocument, toTicketView } from './view.ts';

export type DeliveryView = {
  id: string;
  orderId: string;
  reason: 'paid' | 'resend';
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

export const toDeliveryView = (d: DeliveryRow): DeliveryView => ({
  id: d.id,
  orderId: d.orderId,
  reason: d.reason,
  status: d.status,
  attempts: d.attempts,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  sentAt: d.sentAt?.toISOString() ?? null,
});

/** Use cases of the tickets module: the owner's views, the PDF, check-in and the public key. */
export function ticketsService(deps: {
  repo: TicketsRepository;
  keys: TicketKeys;
  planOf: (layoutId: string) => Promise<SessionPlan | null>;
  publicUrl: string;
  /** Queues a re-send of the order's email (delivery.ts); returns the waiting delivery. */
  requestResend: (orderId: string) => Promise<DeliveryRow>;
}) {
  const { repo, keys } = deps;

  /** The QR code of a ticket: deterministic (Ed25519), so every copy of the ticket shows the same. */
  const codeOf = (row: TicketRow) =>
    row.status === 'cancelled'
      ? null
      : signTicket(keys.privateKey, {
          ticketId: row.id,
          sessionId: row.sessionId,
          label: row.label,
          issuedAt: row.issuedAt,
        });

  async function ownTicket(ticketId: string, userId: string) {
    const row = await repo.ticket(ticketId);
    // Someone else's ticket is "not found": its existence is nobody else's business.
    if (!row || row.userId !== userId) throw new NotFound('Ticket');
    return row;
  }

  async function ownOrder(orderId: string, userId: string) {
    const order = await repo.order(orderId);
    if (!order || order.userId !== userId) throw new NotFound('Order');
    return order;
  }

  /** The order's tickets as one document (for the PDF and the email); null if nothing is valid. */
  async function orderDocument(orderId: string, onlyTicketId?: string): Promise<OrderDocument | null> {
    const order = await repo.order(orderId);
    if (!order) return null;
    const rows = (await repo.ticketsOfOrder(orderId)).filter(
      (r) => r.status !== 'cancelled' && (!onlyTicketId || r.id === onlyTicketId),
    );
    if (!rows.length) return null;
    const plan = await deps.planOf(rows[0]!.layoutId);
    return toOrderDocument({ order, rows, plan, codeOf });
  }

  return {
    codeOf,
    orderDocument,

    /** Upcoming (not yet ended) soonest first, then past ones, latest first. */
    async listMine(userId: string, now = new Date()) {
      const rows = await repo.ticketsOfUser(userId);
      const plans = new Map<string, SessionPlan | null>();
      for (const layoutId of new Set(rows.map((r) => r.layoutId)))
        plans.set(layoutId, await deps.planOf(layoutId));
      const views = rows.map((r) => toTicketView(r, plans.get(r.layoutId) ?? null));
      const upcoming: TicketView[] = [];
      const past: TicketView[] = [];
      for (const v of views) (Date.parse(v.session.endsAt) > now.getTime() ? upcoming : past).push(v);
      past.reverse();
      return { upcoming, past };
    },

    async getMine(ticketId: string, userId: string) {
      const row = await ownTicket(ticketId, userId);
      return { ...toTicketView(row, await deps.planOf(row.layoutId)), code: codeOf(row) };
    },

    async pdfOfTicket(ticketId: string, userId: string) {
      const row = await ownTicket(ticketId, userId);
      if (row.status === 'cancelled') throw new TicketCancelled(row.cancelledAt);
      const doc = (await orderDocument(row.orderId, row.id))!;
      const pdf = await renderTicketsPdf(doc, { publicUrl: deps.publicUrl });
      return { pdf, filename: `ticket-${doc.orderNumber}-${row.id.slice(0, 8)}.pdf` };
    },

    /** Sends the order's email again (explicitly allowed to mail twice); one waiting re-send at most. */
    async resend(orderId: string, userId: string) {
      const order = await ownOrder(orderId, userId);
      if (order.status !== 'paid') throw new TicketsNotIssued(order.status);
      const live = (await repo.ticketsOfOrder(orderId)).some((t) => t.status !== 'cancelled');
      if (!live) throw new TicketsNotIssued('cancelled');
      return toDeliveryView(await deps.requestResend(orderId));
    },

    async deliveriesOf(orderId: string, userId: string) {
      await ownOrder(orderId, userId);
      return (await repo.deliveriesOf(orderId)).map(toDeliveryView);
    },

    /**
     * Door check: the signature first (no database needed to refuse a forgery), then one
     * conditional update; when it changes nothing, the ticket's state says why.
     */
    async checkIn(input: { code: string; sessionId?: string }, staffId: string) {
      const verified = verifyTicket(keys.publicKey, input.code);
      if (!verified.ok) {
        if (verified.reason === 'forged') throw new TicketCodeForged(verified.detail);
        throw new TicketCodeMalformed(verified.reason, verified.detail);
      }
      const { ticketId, sessionId } = verified.claims;
      const before = await repo.ticket(ticketId);
      // A valid signature over an id we do not have: another environment's ticket, or a deleted one.
      if (!before || before.sessionId !== sessionId) throw new TicketUnknown();
      const admitted = await repo.checkIn(ticketId, input.sessionId ?? null, staffId);
      if (admitted) {
        const ticket = { ...before, status: 'used' as const, usedAt: admitted.usedAt };
        return {
          result: 'admitted' as const,
          checkedInAt: admitted.usedAt!.toISOString(),
          ticket: toTicketView(ticket, await deps.planOf(before.layoutId)),
        };
      }
      const row = (await repo.ticket(ticketId))!;
      if (row.status === 'cancelled') throw new TicketCancelled(row.cancelledAt);
      if (input.sessionId && row.sessionId !== input.sessionId)
        throw new TicketWrongSession({
          sessionId: row.sessionId,
          eventTitle: row.eventTitle,
          startsAt: venueDateTime(row.startsAt, row.venueTimezone).text,
        });
      if (row.status === 'used' && row.usedAt) {
        const at = venueDateTime(row.usedAt, row.venueTimezone);
        throw new TicketAlreadyUsed(row.usedAt, `${at.time} on ${at.date} (${at.zone})`);
      }
      // Active and of this session, yet not updated: it changed under the scan; not admitted.
      throw new Conflict('TICKET_NOT_ADMITTED', 'The ticket changed during the scan; scan it again.');
    },

    publicKey() {
      return {
        algorithm: 'Ed25519' as const,
        keyId: keys.keyId,
        publicKeyPem: keys.publicKeyPem,
        jwk: keys.jwk,
        tokenFormat:
          'base64url( version=1 (1 byte) · ticket id (16) · session id (16) · label length (1) · label (UTF-8) · issued-at (uint32 BE, Unix seconds) · Ed25519 signature (64) over all preceding bytes )',
      };
    },
  };
}

export type TicketsService = ReturnType<typeof ticketsService>;
