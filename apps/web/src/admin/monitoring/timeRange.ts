import { MAX_REGISTRATION_POINTS, type RegistrationBucket } from '@ticketing/contracts';

/** Time ranges the picker offers; `custom` uses the from/to fields. Pure, tested directly. */
export const PRESETS = [
  { key: '1h', label: 'Last hour', ms: 3_600_000, bucket: 'minute' },
  { key: '6h', label: '6 hours', ms: 6 * 3_600_000, bucket: 'minute' },
  { key: '24h', label: '24 hours', ms: 86_400_000, bucket: 'hour' },
  { key: '7d', label: '7 days', ms: 7 * 86_400_000, bucket: 'hour' },
  { key: '30d', label: '30 days', ms: 30 * 86_400_000, bucket: 'day' },
] as const satisfies readonly { key: string; label: string; ms: number; bucket: RegistrationBucket }[];

export type PresetKey = (typeof PRESETS)[number]['key'] | 'custom';

export const BUCKET_MS: Record<RegistrationBucket, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
};

/** Whether a bucket size is allowed for a span (the server refuses more points than this). */
export const bucketFits = (bucket: RegistrationBucket, spanMs: number) =>
  spanMs / BUCKET_MS[bucket] <= MAX_REGISTRATION_POINTS;

/** The smallest bucket that keeps the chart readable (at most ~200 bars). */
export function autoBucket(spanMs: number): RegistrationBucket {
  if (spanMs / BUCKET_MS.minute <= 240) return 'minute';
  if (spanMs / BUCKET_MS.hour <= 24 * 8) return 'hour';
  return 'day';
}

/**
 * A preset's range ending at the next whole minute after `now`: stable for a minute, so a live
 * refresh reuses the same query instead of starting a new one every render.
 */
export function presetRange(ms: number, now: number): { from: string; to: string } {
  const to = Math.ceil((now + 1) / 60_000) * 60_000;
  return { from: new Date(to - ms).toISOString(), to: new Date(to).toISOString() };
}

/** `<input type="datetime-local">` value (local wall time) ↔ ISO instant. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const fromLocalInput = (value: string): string | null => {
  const t = new Date(value).getTime();
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
};
