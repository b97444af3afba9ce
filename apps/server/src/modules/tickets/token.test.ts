import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signTicket, type TicketClaims, verifyTicket } from './token.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');

const claims = (over: Partial<TicketClaims> = {}): TicketClaims => ({
  ticketId: randomUUID(),
  sessionId: randomUUID(),
  label: 'Stalls · Row C · Seat 12',
  issuedAt: new Date('2026-03-14T19:00:00Z'),
  ...over,
});

describe('ticket token', () => {
  it('round-trips ticket id, session, label and issued-at through a compact base64url code', () => {
    const c = claims();
    const code = signTicket(privateKey, c);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    // 1 + 16 + 16 + 1 + label + 4 + 64 bytes
    expect(Buffer.from(code, 'base64url')).toHaveLength(102 + Buffer.byteLength(c.label));
    expect(verifyTicket(publicKey, code)).toEqual({ ok: true, claims: c });
  });

  it('is deterministic, so the PDF, the email and the screen show the same code', () => {
    const c = claims();
    expect(signTicket(privateKey, c)).toBe(signTicket(privateKey, c));
  });

  it('accepts surrounding whitespace from a scanner', () => {
    const c = claims();
    expect(verifyTicket(publicKey, ` ${signTicket(privateKey, c)}\n`).ok).toBe(true);
  });

  it('refuses a code signed with another key as forged', () => {
    const result = verifyTicket(publicKey, signTicket(other.privateKey, claims()));
    expect(result).toMatchObject({ ok: false, reason: 'forged' });
  });

  it('refuses an altered code: any changed payload byte breaks the signature', () => {
    const bytes = Buffer.from(signTicket(privateKey, claims()), 'base64url');
    for (const at of [1, 20, 34, 40, bytes.length - 70]) {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x01;
      expect(verifyTicket(publicKey, copy.toString('base64url'))).toMatchObject({
        ok: false,
        reason: 'forged',
      });
    }
  });

  it('refuses a truncated code, whatever is cut off', () => {
    const code = signTicket(privateKey, claims());
    for (const keep of [1, 2, 10, 40, 60, code.length - 30, code.length - 2, code.length - 1]) {
      expect(verifyTicket(publicKey, code.slice(0, keep))).toMatchObject({ ok: false, reason: 'truncated' });
    }
  });

  it('refuses text that is not a ticket code as malformed', () => {
    for (const text of ['', '   ', 'hello world', 'https://example.com/t/1', '{"id":1}', 'AAAA']) {
      expect(verifyTicket(publicKey, text)).toMatchObject({ ok: false, reason: 'malformed' });
    }
    const code = signTicket(privateKey, claims());
    expect(verifyTicket(publicKey, `${code}AAAA`)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('keeps a long label within one length byte, cut at a character boundary', () => {
    const c = claims({ label: 'é'.repeat(200) });
    const result = verifyTicket(publicKey, signTicket(privateKey, c));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.claims.label).toBe('é'.repeat(127));
  });

  it('never accepts a changed code (property)', () => {
    const code = signTicket(privateKey, claims());
    const bytes = Buffer.from(code, 'base64url');
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const copy = Buffer.from(bytes);
        copy[at] = copy[at]! ^ flip;
        return !verifyTicket(publicKey, copy.toString('base64url')).ok;
      }),
      { numRuns: 300 },
    );
  });
});
