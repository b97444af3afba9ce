import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_INDEXED_PLACES, PollPlaces } from './poll-places.ts';
import { waitingRoomTokens } from './tokens.ts';

const tokens = waitingRoomTokens('a-secret-of-at-least-thirty-two-characters!!');
const session = randomUUID();
const tokenOf = (joinNumber: number, accountId = randomUUID()) =>
  tokens.issueQueueToken({ sessionId: session, accountId, joinNumber, issuedAt: 1_790_000_000, epoch: 9 });
const rule = { limit: 2, windowMs: 2_000, cost: 1 };

describe('places a process has seen polling', () => {
  it('recognises a token only after it verified, and grows to any place', () => {
    const places = new PollPlaces(9);
    for (const k of [1, 63, 64, 5_000, 1_000_000]) {
      const token = tokenOf(k);
      expect(places.known(token)).toBe(0);
      places.remember(k, token);
      expect(places.known(token)).toBe(k);
    }
    expect(places.known(tokenOf(1))).toBe(1 - 1); // the same place, another token: verify it
  });

  it('does not recognise an altered token, or one remembered for another place', () => {
    const places = new PollPlaces(9);
    const token = tokenOf(42);
    places.remember(42, token);
    for (const at of [0, 5, 40, 46, 60, 81]) {
      const altered = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
      expect(places.known(altered)).toBe(0);
    }
    const moved = Buffer.from(token, 'base64url');
    moved.writeUInt32BE(43, 33); // claims place 43 with 42's tag
    expect(places.known(moved.toString('base64url'))).toBe(0);
    places.remember(41, token); // not 41's token: ignored
    expect(places.known(tokenOf(41))).toBe(0);
    expect(places.known('not a token')).toBe(0);
  });

  it('keeps one poll bucket per place', () => {
    const places = new PollPlaces(9);
    expect([1, 2, 3].map(() => places.take(7, 10_000, rule))).toEqual([0, 0, 1_000]);
    expect(places.take(8, 10_000, rule)).toBe(0);
    expect(places.take(7, 11_000, rule)).toBe(0);
  });

  it('leaves places past its bound to full verification and the address limit', () => {
    const places = new PollPlaces(9);
    const token = tokenOf(MAX_INDEXED_PLACES + 1);
    places.remember(MAX_INDEXED_PLACES + 1, token);
    expect(places.known(token)).toBe(0);
    expect([1, 2, 3].map(() => places.take(MAX_INDEXED_PLACES + 1, 0, rule))).toEqual([0, 0, 0]);
  });

  it('recognises a token inside a longer text, where it ends the text', () => {
    const places = new PollPlaces(9);
    const token = tokenOf(77);
    places.remember(77, token);
    const url = `/api/sessions/${session}/queue/status?token=${token}`;
    const at = url.length - token.length;
    expect(places.known(url, at)).toBe(77);
    expect(places.known(`${url}x`, at)).toBe(0);
    expect(places.known(url, at - 1)).toBe(0);
  });

  it('keeps the position of each place from the draw, and forgets them all for another draw', () => {
    const places = new PollPlaces(9);
    places.remember(5, tokenOf(5));
    const asked: number[] = [];
    const draw = (n: number) => (k: number) => {
      asked.push(k);
      return n + 1 - k;
    };
    const of10 = places.positions(10, draw(10));
    expect([of10(5), of10(5), of10(3), of10(3)]).toEqual([6, 6, 8, 8]);
    expect(asked).toEqual([5, 3]); // worked out once each
    expect(places.positions(10, draw(10))).toBe(of10);
    const of20 = places.positions(20, draw(20));
    expect(of20(5)).toBe(16);
    expect(asked).toEqual([5, 3, 5]);
    expect(of20(1_000_000)).toBe(20 + 1 - 1_000_000); // beyond the index: worked out, not kept
  });
});
