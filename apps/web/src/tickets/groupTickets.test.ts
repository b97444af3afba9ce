import type { Order } from '@ticketing/contracts';
import { describe, expect, it } from 'vitest';
import { groupActiveTickets } from './groupTickets.ts';

const ticket = (id: string, status: 'active' | 'cancelled' = 'active') => ({
  id,
  seatId: id,
  areaId: null,
  label: `Seat ${id}`,
  category: 'standard',
  priceCents: 1000,
  status,
});

const order = (
  id: string,
  sessionId: string,
  status: Order['status'],
  tickets: ReturnType<typeof ticket>[],
): Order => ({
  id,
  sessionId,
  holdId: id,
  status,
  totalCents: 1000 * tickets.length,
  currency: 'EUR',
  failureReason: null,
  createdAt: '2026-01-01T10:00:00Z',
  paidAt: null,
  items: [],
  tickets,
  payment: null,
  refundedCents: 0,
  cancellable: true,
});

describe('my tickets', () => {
  it('groups active tickets of paid orders by session, newest order first', () => {
    const groups = groupActiveTickets([
      order('o3', 's2', 'paid', [ticket('c')]),
      order('o2', 's1', 'paid', [ticket('b'), ticket('x', 'cancelled')]),
      order('o1', 's1', 'paid', [ticket('a')]),
    ]);
    expect(groups.map((g) => [g.sessionId, g.tickets.map((t) => t.id)])).toEqual([
      ['s2', ['c']],
      ['s1', ['b', 'a']],
    ]);
    expect(groups[1]!.order.id).toBe('o2');
  });

  it('leaves out orders that are not paid and sessions with every ticket cancelled', () => {
    const groups = groupActiveTickets([
      order('o1', 's1', 'pending', [ticket('a')]),
      order('o2', 's2', 'paid', [ticket('b', 'cancelled')]),
      order('o3', 's3', 'refunded', []),
    ]);
    expect(groups).toEqual([]);
  });
});
