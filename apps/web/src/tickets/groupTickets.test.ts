import { describe, expect, it } from 'vitest';
import type { Ticket } from '../api/tickets/types.ts';
import { groupBySession, placeText } from './groupTickets.ts';

const ticket = (id: string, sessionId: string, place: Ticket['place'] = null): Ticket => ({
  id,
  orderId: 'o1',
  orderNumber: 'ABC123',
  status: 'active',
  label: `Seat ${id}`,
  seatId: place ? id : null,
  areaId: place ? null : 'floor',
  place,
  area: place ? null : 'Floor',
  category: 'standard',
  categoryLabel: 'Standard',
  categoryColor: null,
  priceCents: 1000,
  currency: 'EUR',
  holderName: 'Ada',
  issuedAt: '2026-01-01T10:00:00Z',
  usedAt: null,
  event: { id: 'e1', title: 'Show', typeKey: 'concert', typeLabel: 'Concert' },
  session: { id: sessionId, startsAt: '2026-02-01T20:00:00Z', endsAt: '2026-02-01T22:00:00Z' },
  venue: { name: 'Hall', address: '1 Main St', city: 'Lyon', country: 'FR', timezone: 'Europe/Paris' },
});

describe('my tickets', () => {
  it('groups tickets by session, keeping the order they come in', () => {
    const groups = groupBySession([ticket('a', 's1'), ticket('b', 's2'), ticket('c', 's1')]);
    expect(groups.map((g) => [g.sessionId, g.tickets.map((t) => t.id)])).toEqual([
      ['s1', ['a', 'c']],
      ['s2', ['b']],
    ]);
  });

  it('says where a ticket lets its holder in', () => {
    expect(placeText(ticket('a', 's1', { section: 'A', row: '3', seat: '12' }))).toBe(
      'Section A · Row 3 · Seat 12',
    );
    expect(placeText(ticket('b', 's1'))).toBe('Floor');
  });
});
