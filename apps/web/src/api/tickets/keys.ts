/** Query keys of tickets, check-in and the dev mailbox. */
export const ticketKeys = {
  mine: ['my-tickets'] as const,
  ticket: (id: string) => ['ticket', id] as const,
  deliveries: (orderId: string) => ['deliveries', orderId] as const,
  mailbox: ['dev-mailbox'] as const,
  mail: (id: string) => ['dev-mailbox', id] as const,
};
