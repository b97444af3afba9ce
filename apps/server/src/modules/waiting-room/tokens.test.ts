import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { peekQueueToken, QUEUE_TOKEN_LENGTH, TokenError, uuidBytes, waitingRoomTokens } from './tokens.ts';

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

  it('reads the place of a poll with the same checks as the whole token', () => {
    const token = tokens.issueQueueToken(ticket);
    expect(tokens.readQueuePlace(token, session)).toEqual({
      joinNumber: ticket.joinNumber,
      epoch: ticket.epoch,
    });
    expect(tokens.readQueuePlace(token, session.toUpperCase())).toEqual(
      tokens.readQueuePlace(token, session),
    );
    expect(problemOf(() => tokens.readQueuePlace(token, randomUUID()))).toBe('wrong-session');
    const raw = Buffer.from(token, 'base64url');
    raw[40]! ^= 0x01;
    expect(problemOf(() => tokens.readQueuePlace(raw.toString('base64url'), session))).toBe('forged');
    expect(problemOf(() => tokens.readQueuePlace(`${token}A`, session))).toBe('malformed');
  });

  it('peeks at the join number without a Buffer', () => {
    for (const joinNumber of [1, 255, 256, 65_537, 123_456, 2 ** 31 + 5, 2 ** 32 - 1]) {
      const token = tokens.issueQueueToken({ ...ticket, joinNumber });
      expect(token.length).toBe(QUEUE_TOKEN_LENGTH);
      expect(peekQueueToken(token)).toBe(joinNumber);
    }
  });

  it('peeks 0 at anything not shaped like a queue token', () => {
    const token = tokens.issueQueueToken(ticket);
    const access = tokens.issueAccessToken({ sessionId: session, accountId: account, expiresAt: 1 });
    expect(peekQueueToken(`${token}A`)).toBe(0);
    expect(peekQueueToken(token.slice(1))).toBe(0);
    expect(peekQueueToken(`${token.slice(0, 46)}*${token.slice(47)}`)).toBe(0);
    expect(peekQueueToken(`${token.slice(0, 45)}é${token.slice(46)}`)).toBe(0);
    expect(peekQueueToken(access.padEnd(QUEUE_TOKEN_LENGTH, 'A'))).toBe(0); // version 2
    expect(peekQueueToken('')).toBe(0);
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

  it('reads a uuid into bytes as its hex says, either case, and refuses anything else', () => {
    for (let i = 0; i < 200; i++) {
      const id = i % 2 ? randomUUID() : randomUUID().toUpperCase();
      const into = new Uint8Array(20);
      uuidBytes(id, into, 2);
      expect(Buffer.from(into.subarray(2, 18)).toString('hex')).toBe(id.replaceAll('-', '').toLowerCase());
    }
    const good = randomUUID();
    for (const bad of [
      '',
      good.slice(1),
      `${good}0`,
      good.replaceAll('-', ''),
      good.replace('-', '_'),
      `g${good.slice(1)}`,
      `${good.slice(0, 35)}é`,
      `${good.slice(0, 34)}\u0100a`,
    ])
      expect(() => uuidBytes(bad, new Uint8Array(16), 0), bad).toThrow(RangeError);
  });
});
