import { QueueAccess, QueueJoinResponse, QueueStatus, ServingState } from '@ticketing/contracts';
import { api } from '../client.ts';

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/queue`;

/**
 * Takes a place in the session's line (signed in). Answers the same place when this account has
 * one already. Refusals are problems: QUEUE_NOT_OPEN (with `opensAt`), QUEUE_OFF, QUEUE_CLOSED, 429.
 */
export const joinQueue = (sessionId: string, signal?: AbortSignal) =>
  api(`${base(sessionId)}/join`, { method: 'POST', schema: QueueJoinResponse, signal });

/** Where this token stands; needs no cookie. 400/403 mean the token is not (or no longer) ours. */
export const fetchQueueStatus = (sessionId: string, token: string, signal?: AbortSignal) =>
  api(`${base(sessionId)}/status?token=${encodeURIComponent(token)}`, { schema: QueueStatus, signal });

/**
 * Exchanges an admitted place for the booking access token (idempotent). QUEUE_NOT_ADMITTED: not
 * yet; QUEUE_PLACE_EXPIRED (410): the turn passed unused; QUEUE_TOKEN_FOREIGN: another account's.
 */
export const enterQueue = (sessionId: string, token: string) =>
  api(`${base(sessionId)}/enter`, { method: 'POST', body: { token }, schema: QueueAccess });

/** The public serving state: cacheable (2 s) by the browser and any CDN in front. */
export const fetchServing = (sessionId: string, signal?: AbortSignal) =>
  api(`${base(sessionId)}/serving`, { schema: ServingState, signal });
