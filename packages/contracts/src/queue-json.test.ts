import { describe, expect, it } from 'vitest';
import type { QueueStatus } from './queue.ts';
import { queueJoinJson, queueStatusJson } from './queue-json.ts';

const base: QueueStatus = {
  state: 'waiting',
  position: 412_345,
  ahead: 401_002,
  progress: 0.027,
  etaSeconds: { min: 10_225, max: 15_038 },
  pollAfterSeconds: 30,
  salesOpenAt: '2026-11-24T18:00:00.000Z',
  enterBy: null,
  paused: false,
  closedReason: null,
  message: 'You are in line. Keep this page open; we will let you in when it is your turn.',
};

describe('queue status JSON', () => {
  it('is what JSON.stringify writes, in every state', () => {
    const cases: QueueStatus[] = [
      base,
      { ...base, etaSeconds: null, progress: 1, ahead: 0, pollAfterSeconds: 5, paused: true },
      { ...base, state: 'prequeue', position: null, ahead: null, progress: null, etaSeconds: null },
      { ...base, state: 'admitted', enterBy: '2026-11-24T18:05:00.000Z', progress: 1, ahead: 0 },
      { ...base, state: 'closed', closedReason: 'sold-out', message: 'Sold out. "Thanks" — for waiting\n' },
      { ...base, progress: 0, position: 1, ahead: 0, message: 'ünïcode ✓ and \\ backslash' },
    ];
    for (const s of cases) {
      const ours = queueStatusJson(s);
      expect(JSON.parse(ours)).toEqual(s);
      // ASCII only, and byte for byte JSON.stringify's, fields in the schema's order, but for
      // characters beyond ASCII written as \u escapes.
      expect(ours).toMatch(/^[\x20-\x7e]*$/);
      const ordered = Object.fromEntries(Object.keys(base).map((k) => [k, s[k as keyof QueueStatus]]));
      const escaped = JSON.stringify(ordered).replace(
        /[^\x00-\x7e]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      expect(ours).toBe(escaped);
    }
  });

  it('writes a join answer as JSON.stringify does', () => {
    const joined = { token: 'AQIDBAUG-_abc', joinNumber: 77, fresh: false, status: base };
    expect(queueJoinJson(joined)).toBe(JSON.stringify(joined));
  });
});
