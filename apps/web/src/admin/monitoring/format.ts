import type { SessionMonitorStatus } from '@ticketing/contracts';
import { formatMoney } from '../../ui/format.ts';

export const integer = (n: number) => n.toLocaleString();

/** Several currencies side by side: "€1,200.00 · £300.00"; "–" for none. */
export const moneyList = (list: { currency: string; amountCents: number }[]) =>
  list.length ? list.map(formatMoney).join(' · ') : '–';

export const percent = (part: number, whole: number) =>
  whole > 0 ? `${((part / whole) * 100).toFixed(part === whole || part === 0 ? 0 : 1)}%` : '–';

export const STATUS_LABELS: Record<SessionMonitorStatus, string> = {
  draft: 'Draft',
  scheduled: 'Not on sale yet',
  on_sale: 'On sale',
  sold_out: 'Sold out',
  sales_closed: 'Sales closed',
  past: 'Past',
  cancelled: 'Cancelled',
};

export const STATUS_TONES: Record<SessionMonitorStatus, string> = {
  draft: 'badge',
  scheduled: 'badge badge-accent',
  on_sale: 'badge badge-success',
  sold_out: 'badge badge-warning',
  sales_closed: 'badge',
  past: 'badge',
  cancelled: 'badge badge-danger',
};

const shortTime = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
export const clockTime = (iso: string) => shortTime.format(new Date(iso));
