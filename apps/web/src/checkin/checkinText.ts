import { ApiError } from '../api/client.ts';
import type { CheckinResult } from '../api/tickets/types.ts';
import { formatDayTime } from '../events/venueTime.ts';
import { placeText } from '../tickets/groupTickets.ts';

export type Scan = {
  id: number;
  at: Date;
  /** The end of the code, enough to tell two scans apart without showing the whole token. */
  codeTail: string;
} & (
  | { ok: true; seat: string; holder: string; event: string; checkedInAt: string; timezone: string }
  | { ok: false; reason: string; detail: string }
);

/** Why a code is refused, in the words the door needs. */
const REASONS: Record<string, string> = {
  TICKET_CODE_MALFORMED: 'Not a ticket code',
  TICKET_CODE_FORGED: 'Forged or altered code',
  TICKET_UNKNOWN: 'Unknown ticket',
  TICKET_CANCELLED: 'Ticket cancelled',
  TICKET_ALREADY_USED: 'Already used',
  TICKET_WRONG_SESSION: 'Wrong session',
};

export function admitted(id: number, code: string, r: CheckinResult): Scan {
  return {
    id,
    at: new Date(),
    codeTail: code.slice(-8),
    ok: true,
    seat: placeText(r.ticket),
    holder: r.ticket.holderName,
    event: `${r.ticket.event.title} · ${formatDayTime(r.ticket.session.startsAt, r.ticket.venue.timezone)}`,
    checkedInAt: r.checkedInAt,
    timezone: r.ticket.venue.timezone,
  };
}

export function refused(id: number, code: string, err: unknown): Scan {
  const base = { id, at: new Date(), codeTail: code.slice(-8), ok: false as const };
  if (!(err instanceof ApiError)) return { ...base, reason: 'Check-in failed', detail: 'Try again.' };
  const reason = REASONS[err.code];
  if (!reason) {
    if (err.status === 401 || err.status === 403)
      return { ...base, reason: 'Not allowed', detail: 'Sign in with a staff account to check tickets in.' };
    return { ...base, reason: 'Check-in failed', detail: err.detail };
  }
  let detail = err.detail;
  const usedAt = err.extra.usedAt;
  if (err.code === 'TICKET_ALREADY_USED' && typeof usedAt === 'string' && !/\d/.test(detail))
    detail = `Already used at ${new Date(usedAt).toLocaleString()}.`;
  return { ...base, reason, detail };
}
