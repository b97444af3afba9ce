/**
 * The session form's values (as typed, times as venue wall-clock) and the API body they stand for.
 * Times become ISO instants with the venue zone's offset; the server checks their order.
 */
import { type AdminSession, SessionCreate } from '@ticketing/contracts';
import type { FieldErrors } from '../../api/client.ts';
import { isoToWallTime, wallTimeToIso } from '../shared/zonedTime.ts';

export type QueueMode = 'off' | 'scheduled' | 'auto';

export type SessionValues = {
  venueId: string;
  layoutId: string;
  startsAt: string;
  endsAt: string;
  salesOpenAt: string;
  salesCloseAt: string;
  holdMinutes: string;
  maxTicketsPerOrder: string;
  cancelCutoffHours: string;
  queueMode: QueueMode;
  prequeueMinutes: string;
  outflowPerMinute: string;
  maxActiveShoppers: string;
  noShowMinutes: string;
  shoppingMinutes: string;
};

export const TIME_FIELDS = ['startsAt', 'endsAt', 'salesOpenAt', 'salesCloseAt'] as const;
const QUEUE_FIELDS = [
  'prequeueMinutes',
  'outflowPerMinute',
  'maxActiveShoppers',
  'noShowMinutes',
  'shoppingMinutes',
] as const;

export const newSessionValues = (venueId = '', layoutId = ''): SessionValues => ({
  venueId,
  layoutId,
  startsAt: '',
  endsAt: '',
  salesOpenAt: '',
  salesCloseAt: '',
  holdMinutes: '10',
  maxTicketsPerOrder: '10',
  cancelCutoffHours: '24',
  queueMode: 'off',
  prequeueMinutes: '30',
  outflowPerMinute: '300',
  maxActiveShoppers: '1000',
  noShowMinutes: '5',
  shoppingMinutes: '15',
});

export function sessionValuesFrom(s: AdminSession, timeZone: string): SessionValues {
  const q = (key: (typeof QUEUE_FIELDS)[number], fallback: string) =>
    typeof s.queueSettings[key] === 'number' ? String(s.queueSettings[key]) : fallback;
  const defaults = newSessionValues();
  return {
    venueId: s.venueId,
    layoutId: s.layoutId,
    startsAt: isoToWallTime(s.startsAt, timeZone),
    endsAt: isoToWallTime(s.endsAt, timeZone),
    salesOpenAt: isoToWallTime(s.salesOpenAt, timeZone),
    salesCloseAt: isoToWallTime(s.salesCloseAt, timeZone),
    holdMinutes: String(s.holdMinutes),
    maxTicketsPerOrder: String(s.maxTicketsPerOrder),
    cancelCutoffHours: String(s.cancelCutoffHours),
    queueMode: s.queueMode,
    prequeueMinutes: q('prequeueMinutes', defaults.prequeueMinutes),
    outflowPerMinute: q('outflowPerMinute', defaults.outflowPerMinute),
    maxActiveShoppers: q('maxActiveShoppers', defaults.maxActiveShoppers),
    noShowMinutes: q('noShowMinutes', defaults.noShowMinutes),
    shoppingMinutes: q('shoppingMinutes', defaults.shoppingMinutes),
  };
}

/** Empty means "use the default"; anything else must be a whole number (the schema says which). */
const count = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

/**
 * The create body, or the first problem per field. Nested queue settings report under their own
 * field name (outflowPerMinute…), so each input shows its message.
 */
export function sessionBody(
  v: SessionValues,
  timeZone: string,
): { body: SessionCreate; errors?: undefined } | { body?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!v.venueId) errors.venueId = 'Choose a venue';
  if (!v.layoutId) errors.layoutId = 'Choose a layout';
  const times: Partial<Record<(typeof TIME_FIELDS)[number], string>> = {};
  for (const field of TIME_FIELDS) {
    if (field === 'salesCloseAt' && v[field] === '') continue;
    const iso = wallTimeToIso(v[field], timeZone);
    if (iso) times[field] = iso;
    else errors[field] = 'Enter a date and time';
  }
  const queueSettings = Object.fromEntries(
    QUEUE_FIELDS.map((f) => [f, count(v[f])]).filter(([, n]) => n !== undefined),
  );
  const result = SessionCreate.safeParse({
    venueId: v.venueId,
    layoutId: v.layoutId,
    ...times,
    holdMinutes: count(v.holdMinutes),
    maxTicketsPerOrder: count(v.maxTicketsPerOrder),
    cancelCutoffHours: count(v.cancelCutoffHours),
    queueMode: v.queueMode,
    queueSettings: v.queueMode === 'off' ? {} : queueSettings,
  });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[issue.path.length - 1] ?? issue.path[0] ?? '');
      errors[key] ??= issue.message.includes('NaN') ? 'Enter a whole number' : issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) return { errors };
  return { body: result.data };
}

/** "2026-12-10T20:00" + 2 h, for suggesting an end time once the start is known. */
export function addHoursToWallTime(wall: string, hours: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return '';
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]! + hours, +m[5]!));
  return d.toISOString().slice(0, 16);
}
