/**
 * Wall-clock times in a venue's time zone, whatever the admin's own: sessions are entered and shown
 * as the venue's local time and sent as ISO instants with that zone's offset.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let f = partsFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(timeZone, f);
  }
  return f;
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallAt(ms: number, timeZone: string): Wall {
  const get = (parts: Intl.DateTimeFormatPart[], type: string) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  return {
    year: get(parts, 'year'),
    month: get(parts, 'month'),
    day: get(parts, 'day'),
    hour: get(parts, 'hour'),
    minute: get(parts, 'minute'),
    second: get(parts, 'second'),
  };
}

/** Minutes the zone is ahead of UTC at that instant (Lisbon in summer: 60). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const w = wallAt(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

export function formatOffset(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** An instant as ISO 8601 in the zone's local time with its offset: 2026-07-01T20:00:00+01:00. */
export function toZonedIso(ms: number, timeZone: string): string {
  const w = wallAt(ms, timeZone);
  const offset = formatOffset(zoneOffsetMinutes(ms, timeZone));
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offset}`;
}

/**
 * `YYYY-MM-DDTHH:mm` (a datetime-local value) read as wall time in the zone → ISO with offset.
 * A time that does not exist (skipped by a daylight-saving change) moves forward by the gap, as
 * clocks do. Null when the text is not a datetime-local value.
 */
export function wallTimeToIso(wall: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return null;
  // The offset at the guess is right except within hours of a change; one correction settles it.
  const first = asUtc - zoneOffsetMinutes(asUtc, timeZone) * 60_000;
  const instant = asUtc - zoneOffsetMinutes(first, timeZone) * 60_000;
  return toZonedIso(instant, timeZone);
}

/** An ISO instant → the `YYYY-MM-DDTHH:mm` a datetime-local input shows, in the zone. */
export function isoToWallTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const w = wallAt(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** "Fri 12 Dec 2026, 20:00" as it reads at the venue. */
export function formatInZone(iso: string, timeZone: string, withYear = true): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "Europe/Lisbon, UTC+00:00 now": which clock the times are on. */
export function describeZone(timeZone: string, at = Date.now()): string {
  return `${timeZone}, UTC${formatOffset(zoneOffsetMinutes(at, timeZone))}`;
}
