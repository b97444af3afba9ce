import { z } from 'zod';

/**
 * HTTP shapes of the tickets API. (They belong in packages/contracts next to Order once the web
 * app uses them; kept here while the server side lands.)
 */
const SeatPlace = z.object({ section: z.string(), row: z.string(), seat: z.string() });

export const Ticket = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  orderNumber: z.string().describe('Short order reference printed on the ticket'),
  status: z.enum(['active', 'used', 'cancelled']),
  label: z.string(),
  seatId: z.string().nullable(),
  areaId: z.string().nullable(),
  place: SeatPlace.nullable().describe('Section, row and seat; null for general admission'),
  area: z.string().nullable().describe('Standing area; null for a seat'),
  category: z.string(),
  categoryLabel: z.string(),
  categoryColor: z.string().nullable(),
  priceCents: z.number().int(),
  currency: z.string(),
  holderName: z.string(),
  issuedAt: z.string(),
  usedAt: z.string().nullable(),
  event: z.object({ id: z.uuid(), title: z.string(), typeKey: z.string(), typeLabel: z.string() }),
  session: z.object({ id: z.uuid(), startsAt: z.string(), endsAt: z.string() }),
  venue: z.object({
    name: z.string(),
    address: z.string(),
    city: z.string(),
    country: z.string(),
    timezone: z.string(),
  }),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketDetail = Ticket.extend({
  code: z.string().nullable().describe('The signed code shown as the QR; null once cancelled'),
});

export const MyTickets = z.object({
  upcoming: z.array(Ticket).describe('Sessions not yet ended, soonest first'),
  past: z.array(Ticket).describe('Ended sessions, latest first'),
});

export const Delivery = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  reason: z.enum(['paid', 'resend']),
  status: z.enum(['queued', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const CheckinRequest = z.strictObject({
  code: z.string().min(1).max(2000).describe('The QR content, as scanned or pasted'),
  sessionId: z.uuid().optional().describe('The session this door admits to; other sessions are refused'),
});

export const CheckinResult = z.object({
  result: z.literal('admitted'),
  checkedInAt: z.string(),
  ticket: Ticket,
});

export const PublicKey = z.object({
  algorithm: z.literal('Ed25519'),
  keyId: z.string(),
  publicKeyPem: z.string(),
  jwk: z.object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string(),
    kid: z.string(),
    alg: z.literal('EdDSA'),
    use: z.literal('sig'),
  }),
  tokenFormat: z.string(),
});
