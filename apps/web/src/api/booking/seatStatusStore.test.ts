import { describe, expect, it } from 'vitest';
import { createSeatStatusStore } from './seatStatusStore.ts';

const catalog = {
  count: 3,
  indexOf: new Map([
    ['a', 0],
    ['b', 1],
    ['c', 2],
  ]),
};

describe('live seat statuses', () => {
  it('keeps a snapshot and deltas that arrive before the plan, and applies them once it is there', () => {
    const store = createSeatStatusStore();
    store.setSnapshot('010', { pit: 5 });
    store.applyDelta(2, ['a']);
    expect(store.loaded).toBe(false);
    store.attach(catalog);
    expect(store.loaded).toBe(true);
    expect([...store.statuses]).toEqual([2, 1, 0]);
    expect(store.ga).toEqual({ pit: 5 });
  });

  it('tells subscribers about changes only', () => {
    const store = createSeatStatusStore();
    store.attach(catalog);
    store.setSnapshot('000', {});
    let calls = 0;
    store.subscribe(() => calls++);
    expect(store.applyDelta(1, ['b'])).toEqual([1]);
    expect(store.applyDelta(1, ['b'])).toEqual([]);
    expect(calls).toBe(1);
  });

  it('replaces everything with a fresh snapshot after a reconnect', () => {
    const store = createSeatStatusStore();
    store.attach(catalog);
    store.setSnapshot('000', {});
    store.applyDelta(1, ['a']);
    store.setSnapshot('002', {});
    expect([...store.statuses]).toEqual([0, 0, 2]);
  });
});
