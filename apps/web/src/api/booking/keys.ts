/** Query keys of booking: a mutation names exactly the ones it changed. */
export const bookingKeys = {
  seatmap: (sessionId: string) => ['seatmap', sessionId] as const,
  hold: (holdId: string) => ['hold', holdId] as const,
  order: (orderId: string) => ['order', orderId] as const,
  myOrders: ['my-orders'] as const,
};
