import type { Order } from '@ticketing/contracts';

export type TicketGroup = {
  sessionId: string;
  tickets: { id: string; label: string; category: string; orderId: string }[];
  /** The newest order the tickets come from, for its event and date. */
  order: Order;
};

/** Active tickets of paid orders, one group per session, in the order the orders come (newest first). */
export function groupActiveTickets(orders: readonly Order[]): TicketGroup[] {
  const groups = new Map<string, TicketGroup>();
  for (const order of orders) {
    if (order.status !== 'paid') continue;
    const active = order.tickets.filter((t) => t.status === 'active');
    if (active.length === 0) continue;
    let group = groups.get(order.sessionId);
    if (!group) {
      group = { sessionId: order.sessionId, tickets: [], order };
      groups.set(order.sessionId, group);
    }
    for (const t of active)
      group.tickets.push({ id: t.id, label: t.label, category: t.category, orderId: order.id });
  }
  return [...groups.values()];
}
