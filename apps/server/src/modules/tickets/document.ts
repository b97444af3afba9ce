/**
 * What a ticket PDF and a ticket email show, assembled once per order (pure types and
 * formatting; no I/O). Dates are shown in the venue's time zone, whatever the server's is.
 */
export type SeatPlace = { section: string; row: string; seat: string };

export type TicketDocument = {
  id: string;
  /** The signed QR code; null for a cancelled ticket. */
  code: string | null;
  status: 'active' | 'used' | 'cancelled';
  label: string;
  /** Section, row and seat of a seated ticket; null for general admission. */
  place: SeatPlace | null;
  /** Standing area label for general admission. */
  area: string | null;
  category: string;
  categoryLabel: string;
  categoryColor: string | null;
  priceCents: number;
  currency: string;
  holderName: string;
};

export type OrderDocument = {
  orderId: string;
  orderNumber: string;
  buyer: { email: string; name: string };
  paidAt: Date | null;
  currency: string;
  event: { id: string; title: string; typeLabel: string };
  session: { id: string; startsAt: Date; endsAt: Date };
  venue: { name: string; address: string; city: string; country: string; timezone: string };
  tickets: TicketDocument[];
};

/** The short order reference people read out on the phone: the id's first 8 hex digits. */
export const orderNumber = (orderId: string) => orderId.replaceAll('-', '').slice(0, 8).toUpperCase();

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
}

/** Date and time as the venue's clock shows them, with the zone's abbreviation (CET, BST, GMT+9…). */
export function venueDateTime(at: Date, timeZone: string) {
  // Assembled from parts: ICU versions differ in the punctuation of the whole-date pattern.
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  const zone =
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return { date, time, zone, text: `${date}, ${time} (${zone})` };
}

export function venueAddress(venue: OrderDocument['venue']): string {
  return [venue.address, venue.city, venue.country].filter((s) => s.trim()).join(', ');
}

export function orderTotal(doc: OrderDocument): number {
  return doc.tickets.filter((t) => t.status !== 'cancelled').reduce((n, t) => n + t.priceCents, 0);
}
