import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TokenError, waitingRoomTokens } from './tokens.ts';

const tokens = waitingRoomTokens('a-secret-of-at-least-thirty-two-characters!!');
const session = randomUUID();
const account = randomUUID();
const ticket = {
  sessionId: session,
  accountId: account,
  joinNumber: 123_456,
  issuedAt: 1_790_000_000,
  epoch: 3_000_000_001,
};

const problemOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof TokenError ? err.problem : 'other';
  }
  return 'none';
};

describe('waiting room tokens', () => {
  it('reads back what it issued', () => {
    expect(tokens.readQueueToken(tokens.issueQueueToken(ticket), session)).toEqual(ticket);
    const grant = { sessionId: session, accountId: account, expiresAt: 1_790_000_900 };
    expect(tokens.readAccessToken(tokens.issueAccessToken(grant), session)).toEqual(grant);
  });

  it('reads the place of a poll the same way, remembered or not, and still checks the session', () => {
    const token = tokens.issueQueueToken(ticket);
    const fresh = tokens.readQueuePlace(token, session);
    expect(fresh).toMatchObject({ joinNumber: ticket.joinNumber, epoch: ticket.epoch });
    // The second read is answered from memory: same answer, same refusals.
    expect(tokens.readQueuePlace(token, session.toUpperCase())).toMatchObject(fresh);
    expect(problemOf(() => tokens.readQueuePlace(token, randomUUID()))).toBe('wrong-session');
    const raw = Buffer.from(token, 'base64url');
    raw[40]! ^= 0x01;
    expect(problemOf(() => tokens.readQueuePlace(raw.toString('base64url'), session))).toBe('forged');
    expect(problemOf(() => tokens.readQueuePlace(`${token}A`, session))).toBe('malformed');
  });

  it('is short enough for a URL', () => {
    expect(tokens.issueQueueToken(ticket).length).toBeLessThan(100);
  });

  it('refuses a token moved to another session', () => {
    expect(problemOf(() => tokens.readQueueToken(tokens.issueQueueToken(ticket), randomUUID()))).toBe(
      'wrong-session',
    );
  });

  it('refuses any altered byte as forged', () => {
    const raw = Buffer.from(tokens.issueQueueToken(ticket), 'base64url');
    for (let i = 1; i < raw.length; i++) {
      const copy = Buffer.from(raw);
      copy[i]! ^= 0x01;
      const p = problemOf(() => tokens.readQueueToken(copy.toString('base64url'), session));
      // Changing the session bytes is caught as forged before the session comparison.
      expect(p, `byte ${i}`).toBe('forged');
    }
  });

  it('refuses a token signed with another secret', () => {
    const other = waitingRoomTokens('another-secret-of-at-least-thirty-two-chars');
    expect(problemOf(() => tokens.readQueueToken(other.issueQueueToken(ticket), session))).toBe('forged');
  });

  it('never accepts a queue token as an access token or the reverse', () => {
    const q = tokens.issueQueueToken(ticket);
    const a = tokens.issueAccessToken({ sessionId: session, accountId: account, expiresAt: 1 });
    expect(problemOf(() => tokens.readAccessToken(q, session))).toBe('malformed');
    expect(problemOf(() => tokens.readQueueToken(a, session))).toBe('malformed');
  });

  it('calls garbage malformed', () => {
    for (const junk of ['', 'x', 'not a token!', 'A'.repeat(500), '%%%%']) {
      expect(problemOf(() => tokens.readQueueToken(junk, session))).toBe('malformed');
    }
  });
});
