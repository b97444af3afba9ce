/**
 * Session times are shown in the venue's time zone: a 20:00 concert in Lisbon is "20:00" for
 * everyone, wherever they browse from. Formatters are cached, since building one is slow.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions, locale?: string) {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

const at = (iso: string) => new Date(iso);
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "20:00" (or "8:00 PM", as the browser's locale writes it). */
export const formatTime = (iso: string, timeZone: string) =>
  formatter(timeZone, { hour: '2-digit', minute: '2-digit' }).format(at(iso));

/** The calendar day at the venue, as "2026-12-15": the key sessions are grouped by. */
export const venueDay = (iso: string, timeZone: string) =>
  formatter(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA').format(at(iso));

/** "Tuesday 15 December", with the year when it is not this year. */
export function formatDay(iso: string, timeZone: string, now = new Date()) {
  const thisYear = venueDay(now.toISOString(), timeZone).slice(0, 4) === venueDay(iso, timeZone).slice(0, 4);
  return formatter(timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(thisYear ? {} : { year: 'numeric' }),
  }).format(at(iso));
}

/** "Tue 15 Dec, 20:00" at the venue. */
export const formatDayTime = (iso: string, timeZone: string) =>
  formatter(timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at(iso));

/** The same instant in the browser's own zone, or null when it reads the same as at the venue. */
export function timeForViewer(iso: string, venueZone: string, viewerZone = browserZone()) {
  const mine = formatTime(iso, viewerZone);
  if (mine === formatTime(iso, venueZone)) return null;
  // The weekday only when the clock has crossed midnight between the two places.
  return venueDay(iso, viewerZone) === venueDay(iso, venueZone)
    ? mine
    : formatter(viewerZone, { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(at(iso));
}

export type DayGroup<S> = { day: string; label: string; sessions: S[] };

/** Sessions by calendar day at their venue, in time order. */
export function groupByVenueDay<S extends { startsAt: string; venue: { timezone: string } }>(
  sessions: S[],
): DayGroup<S>[] {
  const groups = new Map<string, DayGroup<S>>();
  const sorted = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const s of sorted) {
    const day = venueDay(s.startsAt, s.venue.timezone);
    let group = groups.get(day);
    if (!group) {
      group = { day, label: formatDay(s.startsAt, s.venue.timezone), sessions: [] };
      groups.set(day, group);
    }
    group.sessions.push(s);
  }
  return [...groups.values()].sort((a, b) => a.day.localeCompare(b.day));
}
