import type { Order } from '@ticketing/contracts';
import type { Tone } from '../events/availability.ts';
import { formatMoney } from '../ui/format.ts';

export const money = (cents: number, currency: string) => formatMoney({ amountCents: cents, currency });

/** How an order's state reads to its buyer, and the badge colour. */
export function orderStatus(order: Pick<Order, 'status' | 'tickets'>): { label: string; tone: Tone } {
  switch (order.status) {
    case 'pending':
      return { label: 'Awaiting payment', tone: 'warning' };
    case 'paid': {
      const cancelled = order.tickets.filter((t) => t.status === 'cancelled').length;
      return cancelled > 0
        ? { label: `Paid · ${cancelled} cancelled`, tone: 'success' }
        : { label: 'Paid', tone: 'success' };
    }
    case 'failed':
      return { label: 'Payment failed', tone: 'danger' };
    case 'cancelled':
      return { label: 'Cancelled', tone: 'neutral' };
    case 'refunded':
      return { label: 'Refunded', tone: 'neutral' };
  }
}

/** The gateway's failure codes in words; unknown codes are shown as they come. */
const FAILURES: Record<string, string> = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
  authentication_failed: 'The payment was not confirmed with your bank.',
};

export function failureText(reason: string | null): string {
  if (!reason) return 'The payment did not go through.';
  return (
    FAILURES[reason] ??
    (/\s/.test(reason) ? reason : `The payment did not go through (${reason.replaceAll('_', ' ')}).`)
  );
}

export const orderNumber = (id: string) => id.slice(0, 8).toUpperCase();
