import type { SessionPlan } from '../booking/session-plan.ts';
import { type OrderDocument, orderNumber, type SeatPlace, type TicketDocument } from './document.ts';
import type { TicketRow } from './repository.ts';

/** A ticket as its owner sees it (GET /api/me/tickets, GET /api/tickets/:id). */
export type TicketView = {
  id: string;
  orderId: string;
  orderNumber: string;
  status: 'active' | 'used' | 'cancelled';
  label: string;
  seatId: string | null;
  areaId: string | null;
  place: SeatPlace | null;
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

/** #rgb and #rrggbbaa plan colours as #rrggbb; anything else is dropped. */
export function normalizeColor(color: string | undefined): string | null {
  if (!color) return null;
  if (/^#[0-9a-f]{6}([0-9a-f]{2})?$/i.test(color)) return color.slice(0, 7);
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : null;
}

/** Where the ticket is, from the session's plan (seat ids are stable; labels come from the plan). */
export function placeOf(
  row: Pick<TicketRow, 'seatId' | 'areaId' | 'category' | 'label'>,
  plan: SessionPlan | null,
) {
  const category = plan?.plan.categories.find((c) => c.key === row.category);
  const seat = row.seatId ? plan?.index.get(row.seatId) : undefined;
  const area = row.areaId ? plan?.gaAreas.get(row.areaId) : undefined;
  return {
    place: seat ? { section: seat.section.label, row: seat.row.label, seat: seat.seat.label } : null,
    area: row.areaId ? (area?.label ?? row.label) : null,
    categoryLabel: category?.label ?? row.category,
    categoryColor: normalizeColor(category?.color),
  };
}

export function toTicketView(row: TicketRow, plan: SessionPlan | null): TicketView {
  return {
    id: row.id,
    orderId: row.orderId,
    orderNumber: orderNumber(row.orderId),
    status: row.status,
    label: row.label,
    seatId: row.seatId,
    areaId: row.areaId,
    ...placeOf(row, plan),
    category: row.category,
    priceCents: row.priceCents,
    currency: row.currency,
    holderName: row.holderName,
    issuedAt: row.issuedAt.toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
    event: { id: row.eventId, title: row.eventTitle, typeKey: row.typeKey, typeLabel: row.typeLabel },
    session: { id: row.sessionId, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString() },
    venue: {
      name: row.venueName,
      address: row.venueAddress,
      city: row.venueCity,
      country: row.venueCountry,
      timezone: row.venueTimezone,
    },
  };
}

export function toOrderDocument(input: {
  order: { id: string; paidAt: Date | null; currency: string; email: string; name: string };
  rows: TicketRow[];
  plan: SessionPlan | null;
  codeOf: (row: TicketRow) => string | null;
}): OrderDocument {
  const first = input.rows[0]!;
  const tickets: TicketDocument[] = input.rows.map((row) => ({
    id: row.id,
    code: input.codeOf(row),
    status: row.status,
    label: row.label,
    ...placeOf(row, input.plan),
    category: row.category,
    priceCents: row.priceCents,
    currency: row.currency,
    holderName: row.holderName,
  }));
  return {
    orderId: input.order.id,
    orderNumber: orderNumber(input.order.id),
    buyer: { email: input.order.email, name: input.order.name },
    paidAt: input.order.paidAt,
    currency: input.order.currency,
    event: { id: first.eventId, title: first.eventTitle, typeLabel: first.typeLabel },
    session: { id: first.sessionId, startsAt: first.startsAt, endsAt: first.endsAt },
    venue: {
      name: first.venueName,
      address: first.venueAddress,
      city: first.venueCity,
      country: first.venueCountry,
      timezone: first.venueTimezone,
    },
    tickets,
  };
}
