import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';

/**
 * The waiting room's two signed tokens. Both are compact binary, base64url, with a 128-bit
 * HMAC-SHA256 tag under keys derived from the app secret (one key per kind, so one kind can never
 * pass for the other):
 *
 *   queue token  = v1 | session (16) | account (16) | join number (u32) | issued at (u32 s) | epoch (u32) | tag
 *   access token = v2 | session (16) | account (16) | expires at (u32 s)                   | tag
 *
 * Verifying costs one HMAC (~2 µs) and no store: a status poll needs nothing else.
 * The account inside binds a token to whoever joined; the session inside binds it to one sale.
 */

const QUEUE_VERSION = 1;
const VERIFIED_MAX = 200_000;
const ACCESS_VERSION = 2;
const TAG_BYTES = 16;
const QUEUE_BODY = 1 + 16 + 16 + 4 + 4 + 4;
const ACCESS_BODY = 1 + 16 + 16 + 4;

export interface QueueTicket {
  sessionId: string;
  accountId: string;
  joinNumber: number;
  issuedAt: number; // epoch seconds
  /** The queue's epoch (see RoomState.epoch): a token from a lost queue never matches a new one. */
  epoch: number;
}

export interface AccessGrant {
  sessionId: string;
  accountId: string;
  expiresAt: number; // epoch seconds
}

export type TokenProblem = 'malformed' | 'forged' | 'wrong-session';

export class TokenError extends Error {
  constructor(readonly problem: TokenProblem) {
    super(`queue token ${problem}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidBytes(id: string, into: Buffer, at: number) {
  if (!UUID.test(id)) throw new RangeError(`not a uuid: ${id}`);
  into.write(id.replaceAll('-', ''), at, 16, 'hex');
}

/** A session id as the 32 hex digits its token carries. */
const hexOf = (id: string) => id.replaceAll('-', '').toLowerCase();

function uuidAt(buf: Buffer, at: number) {
  const h = buf.toString('hex', at, at + 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function waitingRoomTokens(appSecret: string) {
  const key = (purpose: string) => createHmac('sha256', appSecret).update(`waiting-room:${purpose}`).digest();
  // As key objects, made once: an HMAC under a KeyObject skips importing raw key bytes on every
  // call (3.4 µs against 4.6 µs per tag on the bench machine), and every join signs and every
  // first poll of a token verifies one.
  const queueKey = createSecretKey(key('queue-token'));
  const accessKey = createSecretKey(key('access-token'));

  // Queue tokens that verified (readQueuePlace): ~150 bytes each, so at most ~30 MB.
  const verified = new Map<string, { joinNumber: number; epoch: number; sessionHex: string }>();

  const tag = (k: KeyObject, body: Buffer) =>
    createHmac('sha256', k).update(body).digest().subarray(0, TAG_BYTES);

  function seal(k: KeyObject, body: Buffer) {
    return Buffer.concat([body, tag(k, body)]).toString('base64url');
  }

  function open(k: KeyObject, token: string, version: number, bodyLength: number, sessionId: string) {
    if (token.length > 200 || !/^[\w-]+$/.test(token)) throw new TokenError('malformed');
    const raw = Buffer.from(token, 'base64url');
    if (raw.length !== bodyLength + TAG_BYTES || raw[0] !== version) throw new TokenError('malformed');
    const body = raw.subarray(0, bodyLength);
    if (!timingSafeEqual(tag(k, body), raw.subarray(bodyLength))) throw new TokenError('forged');
    // Compared as hex: no uuid string is built for a check (this runs on every poll).
    if (body.toString('hex', 1, 17) !== hexOf(sessionId)) throw new TokenError('wrong-session');
    return body;
  }

  return {
    issueQueueToken(t: QueueTicket): string {
      const body = Buffer.alloc(QUEUE_BODY);
      body[0] = QUEUE_VERSION;
      uuidBytes(t.sessionId, body, 1);
      uuidBytes(t.accountId, body, 17);
      body.writeUInt32BE(t.joinNumber, 33);
      body.writeUInt32BE(t.issuedAt, 37);
      body.writeUInt32BE(t.epoch, 41);
      return seal(queueKey, body);
    },

    /** Throws TokenError; the session must be the one in the URL. */
    readQueueToken(token: string, sessionId: string): QueueTicket {
      const body = open(queueKey, token, QUEUE_VERSION, QUEUE_BODY, sessionId);
      return {
        sessionId: uuidAt(body, 1),
        accountId: uuidAt(body, 17),
        joinNumber: body.readUInt32BE(33),
        issuedAt: body.readUInt32BE(37),
        epoch: body.readUInt32BE(41),
      };
    },

    /**
     * A status poll's read: only the place and the epoch, no uuid strings to build. Same checks,
     * same errors as readQueueToken.
     *
     * Tokens that passed are remembered (bounded): a token never changes, so the same string
     * verifies the same way every time, and people poll with the same token over and over. Only
     * valid tokens are kept, so forged ones cannot fill the memory; each is still checked against
     * the session it is used for.
     */
    readQueuePlace(token: string, sessionId: string): Pick<QueueTicket, 'joinNumber' | 'epoch'> {
      const known = verified.get(token);
      if (known) {
        if (known.sessionHex !== hexOf(sessionId)) throw new TokenError('wrong-session');
        return known;
      }
      const body = open(queueKey, token, QUEUE_VERSION, QUEUE_BODY, sessionId);
      const place = {
        joinNumber: body.readUInt32BE(33),
        epoch: body.readUInt32BE(41),
        sessionHex: body.toString('hex', 1, 17),
      };
      if (verified.size >= VERIFIED_MAX) verified.clear();
      verified.set(token, place);
      return place;
    },

    issueAccessToken(g: AccessGrant): string {
      const body = Buffer.alloc(ACCESS_BODY);
      body[0] = ACCESS_VERSION;
      uuidBytes(g.sessionId, body, 1);
      uuidBytes(g.accountId, body, 17);
      body.writeUInt32BE(g.expiresAt, 33);
      return seal(accessKey, body);
    },

    readAccessToken(token: string, sessionId: string): AccessGrant {
      const body = open(accessKey, token, ACCESS_VERSION, ACCESS_BODY, sessionId);
      return { sessionId: uuidAt(body, 1), accountId: uuidAt(body, 17), expiresAt: body.readUInt32BE(33) };
    },

    /** Round keys of the pre-queue draw: unknowable before n is fixed at opening. */
    drawKey(sessionId: string, prequeueSize: number): Buffer {
      return createHmac('sha256', key('draw')).update(`${sessionId}:${prequeueSize}`).digest();
    },
  };
}

export type WaitingRoomTokens = ReturnType<typeof waitingRoomTokens>;
