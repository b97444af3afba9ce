import { describe, expect, it } from 'vitest';
import { applySeatDelta, BLOCKED, decodeStatuses, FREE, HELD, parseDelta, SOLD } from './seatStatus.ts';

describe('decoding seat availability', () => {
  it('reads one status per seat in plan order', () => {
    expect([...decodeStatuses('0123', 4)]).toEqual([FREE, HELD, SOLD, BLOCKED]);
  });

  it('treats unknown characters and seats the string is too short for as blocked', () => {
    expect([...decodeStatuses('0x', 4)]).toEqual([FREE, BLOCKED, BLOCKED, BLOCKED]);
  });

  it('ignores characters beyond the plan', () => {
    expect([...decodeStatuses('0000', 2)]).toEqual([FREE, FREE]);
  });

  it('decodes 80,000 seats into the array it is given', () => {
    const into = new Uint8Array(80_000);
    const out = decodeStatuses('2'.repeat(80_000), 80_000, into);
    expect(out).toBe(into);
    expect(out.every((s) => s === SOLD)).toBe(true);
  });
});

describe('stream deltas', () => {
  it('parses a seat delta and a GA change', () => {
    expect(parseDelta('{"s":"2","ids":["a","b"]}')).toEqual({ kind: 'seats', status: SOLD, ids: ['a', 'b'] });
    expect(parseDelta('{"ga":{}}')).toEqual({ kind: 'ga' });
  });

  it('refuses what it does not understand instead of guessing', () => {
    expect(parseDelta('not json')).toBeNull();
    expect(parseDelta('{"s":"7","ids":["a"]}')).toBeNull();
    expect(parseDelta('{"s":"1"}')).toBeNull();
    expect(parseDelta('null')).toBeNull();
  });

  it('applies a delta in place and reports only the seats that changed', () => {
    const statuses = decodeStatuses('000', 3);
    const index = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(applySeatDelta(statuses, index, HELD, ['a', 'b', 'unknown'])).toEqual([0, 1]);
    expect(applySeatDelta(statuses, index, HELD, ['a'])).toEqual([]);
    expect([...statuses]).toEqual([HELD, HELD, FREE]);
  });
});
