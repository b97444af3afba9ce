import type { KeyObject } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import type { OrderDocument, TicketDocument } from '../document.ts';
import { signTicket } from '../token.ts';

/** An order document with one seated and one standing ticket, for unit tests of the PDF and email. */
export function sampleOrder(privateKey: KeyObject, over: Partial<OrderDocument> = {}): OrderDocument {
  const sessionId = randomUUID();
  const ticket = (label: string, rest: Partial<TicketDocument>): TicketDocument => {
    const id = randomUUID();
    return {
      id,
      code: signTicket(privateKey, { ticketId: id, sessionId, label, issuedAt: new Date() }),
      status: 'active',
      label,
      place: null,
      area: null,
      category: 'stalls',
      categoryLabel: 'Stalls',
      categoryColor: '#0072b2',
      priceCents: 4500,
      currency: 'EUR',
      holderName: 'Ann Example',
      ...rest,
    };
  };
  return {
    orderId: '3f2a9c1b-0000-4000-8000-000000000000',
    orderNumber: '3F2A9C1B',
    buyer: { email: 'ann@example.com', name: 'Ann Example' },
    paidAt: new Date('2026-01-10T12:00:00Z'),
    currency: 'EUR',
    event: { id: randomUUID(), title: 'Fixture Night', typeLabel: 'Concert' },
    session: {
      id: sessionId,
      startsAt: new Date('2026-03-14T19:30:00Z'),
      endsAt: new Date('2026-03-14T22:00:00Z'),
    },
    venue: {
      name: 'Salle Pleyel',
      address: '252 Rue du Faubourg Saint-Honoré',
      city: 'Paris',
      country: 'France',
      timezone: 'Europe/Paris',
    },
    tickets: [
      ticket('Stalls · Row C · Seat 12', { place: { section: 'Stalls', row: 'C', seat: '12' } }),
      ticket('Standing pit (standing)', {
        area: 'Standing pit',
        category: 'standing',
        categoryLabel: 'Standing',
        categoryColor: '#009e73',
        priceCents: 2000,
      }),
    ],
    ...over,
  };
}
