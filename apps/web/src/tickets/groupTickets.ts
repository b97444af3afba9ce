import type { Ticket } from '../api/tickets/types.ts';

export type TicketGroup = {
  sessionId: string;
  /** The first ticket of the group, for its event, session and venue. */
  first: Ticket;
  tickets: Ticket[];
};

/** One group per session, in the order the tickets come (the server sorts them by date). */
export function groupBySession(tickets: readonly Ticket[]): TicketGroup[] {
  const groups = new Map<string, TicketGroup>();
  for (const t of tickets) {
    const group = groups.get(t.session.id);
    if (group) group.tickets.push(t);
    else groups.set(t.session.id, { sessionId: t.session.id, first: t, tickets: [t] });
  }
  return [...groups.values()];
}

/** Where the ticket lets its holder in: "Section A · Row 3 · Seat 12", or the standing area. */
export function placeText(t: Pick<Ticket, 'place' | 'area' | 'label'>): string {
  if (t.place) return `Section ${t.place.section} · Row ${t.place.row} · Seat ${t.place.seat}`;
  return t.area ?? t.label;
}
