/**
 * HTTP shapes of the tickets API, as the server declares them (apps/server/src/modules/tickets/
 * schemas.ts). Plain types until they move into @ticketing/contracts next to Order.
 */
export type TicketPlace = { section: string; row: string; seat: string };

export type Ticket = {
  id: string;
  orderId: string;
  orderNumber: string;
  status: 'active' | 'used' | 'cancelled';
  label: string;
  seatId: string | null;
  areaId: string | null;
  place: TicketPlace | null;
  area: string | null;
  category: string;
  categoryLabel: string;
  categoryColor: string | null;
  priceCents: number;
  currency: string;
  holderName: string;
  issuedAt: string;
  usedAt: string | null;
  event: { id: string; title: string; typeKey: string; typeLabel: string };
  session: { id: string; startsAt: string; endsAt: string };
  venue: { name: string; address: string; city: string; country: string; timezone: string };
};

/** One of my tickets with the signed code its QR carries; null once cancelled. */
export type TicketDetail = Ticket & { code: string | null };

export type MyTickets = { upcoming: Ticket[]; past: Ticket[] };

export type Delivery = {
  id: string;
  orderId: string;
  reason: 'paid' | 'resend';
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

export type CheckinResult = { result: 'admitted'; checkedInAt: string; ticket: Ticket };

export type MailSummary = {
  id: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  date: string;
  attachments: string[];
  size: number;
};

export type MailMessage = Omit<MailSummary, 'attachments'> & {
  text: string;
  html: string;
  attachments: { name: string; contentType: string; size: number }[];
};
