import type { SessionDetail } from '@ticketing/contracts';

/**
 * The session's sales state as of `now`. The catalog answer is cached for a few seconds (and this
 * page may have fetched it before the on-sale): someone let in by the waiting room right after
 * opening must not be told that sales have not opened. Only that one transition is inferred; the
 * server still decides every hold.
 */
export function salesStateAt(session: SessionDetail, now: number): SessionDetail['salesState'] {
  if (session.salesState !== 'not-yet') return session.salesState;
  const opens = Date.parse(session.salesOpenAt);
  const closes = Date.parse(session.salesCloseAt);
  return now >= opens && now < closes ? 'open' : 'not-yet';
}
