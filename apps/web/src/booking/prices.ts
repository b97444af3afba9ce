import type { CategoryAvailability, Money } from '@ticketing/contracts';
import { formatMoney } from '../ui/format.ts';

export type CategoryInfo = { key: string; label: string; color: string; price: Money | null };

/** Category key → label, colour and price for this session (plan colours as the fallback). */
export function categoryLookup(
  categories: readonly CategoryAvailability[],
  planCategories: readonly { key: string; label: string; color: string }[],
): (key: string) => CategoryInfo {
  const map = new Map<string, CategoryInfo>();
  for (const c of planCategories) map.set(c.key, { key: c.key, label: c.label, color: c.color, price: null });
  for (const c of categories) map.set(c.key, { key: c.key, label: c.label, color: c.color, price: c.price });
  return (key) => map.get(key) ?? { key, label: key || 'Other', color: '#9a98a8', price: null };
}

export const priceText = (price: Money | null) => (price ? formatMoney(price) : 'Price not set');

/** The sum of the prices, in the first price's currency; null when nothing has a price. */
export function totalOf(prices: readonly (Money | null)[]): Money | null {
  const known = prices.filter((p): p is Money => p !== null);
  if (known.length === 0) return null;
  return { amountCents: known.reduce((n, p) => n + p.amountCents, 0), currency: known[0]!.currency };
}
