import { type KeyObject, sign, verify } from 'node:crypto';

/**
 * The code in a ticket's QR: a compact binary payload signed with Ed25519, base64url-encoded, so a
 * scanner holding only the public key can tell a real ticket from a forged or altered one offline.
 *
 *   version (1 byte, = 1) · ticket id (16) · session id (16) · label length (1) · label (UTF-8)
 *   · issued at (uint32, Unix seconds, big-endian) · signature (64, over everything before it)
 *
 * Pure: no I/O. The label (seat or standing area) is for a human at the door; identity is the id.
 */
export const TOKEN_VERSION = 1;
const SIGNATURE_BYTES = 64;
const HEAD_BYTES = 1 + 16 + 16 + 1;
const MAX_LABEL_BYTES = 255;

export type TicketClaims = {
  ticketId: string;
  sessionId: string;
  /** Seat or area label as printed on the ticket. */
  label: string;
  /** Whole seconds. */
  issuedAt: Date;
};

export type RefusalReason = 'malformed' | 'truncated' | 'forged';
export type VerifyResult =
  | { ok: true; claims: TicketClaims }
  | { ok: false; reason: RefusalReason; detail: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function uuidBytes(id: string): Buffer {
  if (!UUID.test(id)) throw new Error(`not a UUID: ${id}`);
  return Buffer.from(id.replaceAll('-', ''), 'hex');
}

function uuidString(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The label's UTF-8 bytes, cut at a character boundary so it fits its one-byte length. */
function labelBytes(label: string): Buffer {
  let bytes = Buffer.from(label.normalize('NFC'), 'utf8');
  if (bytes.length <= MAX_LABEL_BYTES) return bytes;
  let end = MAX_LABEL_BYTES;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  bytes = bytes.subarray(0, end);
  return bytes;
}

export function signTicket(privateKey: KeyObject, claims: TicketClaims): string {
  const label = labelBytes(claims.label);
  const seconds = Math.floor(claims.issuedAt.getTime() / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffffffff)
    throw new Error('issuedAt out of range');
  const payload = Buffer.alloc(HEAD_BYTES + label.length + 4);
  payload[0] = TOKEN_VERSION;
  uuidBytes(claims.ticketId).copy(payload, 1);
  uuidBytes(claims.sessionId).copy(payload, 17);
  payload[33] = label.length;
  label.copy(payload, HEAD_BYTES);
  payload.writeUInt32BE(seconds, HEAD_BYTES + label.length);
  const signature = sign(null, payload, privateKey);
  return Buffer.concat([payload, signature]).toString('base64url');
}

/** Checks shape, then signature; says why a code is refused. Surrounding whitespace is ignored. */
export function verifyTicket(publicKey: KeyObject, code: string): VerifyResult {
  const text = code.trim();
  if (!text || !BASE64URL.test(text))
    return {
      ok: false,
      reason: 'malformed',
      detail: 'The code is not a ticket code (unexpected characters).',
    };
  // Node decodes base64url leniently; a length no encoder produces means characters were lost.
  if (text.length % 4 === 1) return { ok: false, reason: 'truncated', detail: 'The code is incomplete.' };
  const bytes = Buffer.from(text, 'base64url');
  if (bytes[0] !== TOKEN_VERSION)
    return { ok: false, reason: 'malformed', detail: 'The code is not a ticket code of a known format.' };
  if (bytes.length < HEAD_BYTES + 4 + SIGNATURE_BYTES)
    return { ok: false, reason: 'truncated', detail: 'The code is incomplete.' };
  const labelLength = bytes[33]!;
  const payloadLength = HEAD_BYTES + labelLength + 4;
  if (bytes.length < payloadLength + SIGNATURE_BYTES)
    return { ok: false, reason: 'truncated', detail: 'The code is incomplete.' };
  if (bytes.length > payloadLength + SIGNATURE_BYTES)
    return { ok: false, reason: 'malformed', detail: 'The code has unexpected trailing data.' };
  const payload = bytes.subarray(0, payloadLength);
  const signature = bytes.subarray(payloadLength);
  if (!verify(null, payload, publicKey, signature))
    return {
      ok: false,
      reason: 'forged',
      detail: 'The signature does not match: the code was not issued by us or was altered.',
    };
  return {
    ok: true,
    claims: {
      ticketId: uuidString(bytes.subarray(1, 17)),
      sessionId: uuidString(bytes.subarray(17, 33)),
      label: bytes.subarray(HEAD_BYTES, HEAD_BYTES + labelLength).toString('utf8'),
      issuedAt: new Date(bytes.readUInt32BE(HEAD_BYTES + labelLength) * 1000),
    },
  };
}
