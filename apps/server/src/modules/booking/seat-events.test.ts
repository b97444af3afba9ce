import { describe, expect, it } from 'vitest';
import { createMemoryCoordinator } from '../../coord/memory.ts';
import { type SeatDelta, seatEvents } from './seat-events.ts';

const settle = () => new Promise((r) => setTimeout(r, 60));

function apply(state: Map<string, string>, delta: SeatDelta) {
  if ('ids' in delta) for (const id of delta.ids) state.set(id, delta.s);
}

describe('seat events', () => {
  it('sends the changes made within a few milliseconds as one message per status, ending in the same seat states', async () => {
    const coord = createMemoryCoordinator();
    const events = seatEvents(coord);
    const received: SeatDelta[] = [];
    await events.subscribe('s1', (raw) => received.push(JSON.parse(raw)));
    const sent: SeatDelta[] = [
      { s: '1', ids: ['a', 'b'] },
      { s: '0', ids: ['a'] },
      { s: '1', ids: ['c'] },
      { s: '2', ids: ['b'] },
      { s: '1', ids: ['a'] },
    ];
    for (const d of sent) events.publish('s1', d);
    await settle();

    expect(received.length).toBeLessThanOrEqual(2);
    const expected = new Map<string, string>();
    for (const d of sent) apply(expected, d);
    const got = new Map<string, string>();
    for (const d of received) apply(got, d);
    expect(got).toEqual(expected);
    await coord.close();
  });

  it('keeps sessions apart, merges general-admission changes and skips empty deltas', async () => {
    const coord = createMemoryCoordinator();
    const local: string[] = [];
    const events = seatEvents(coord, (id) => local.push(id));
    const one: string[] = [];
    const two: string[] = [];
    await events.subscribe('s1', (raw) => one.push(raw));
    await events.subscribe('s2', (raw) => two.push(raw));
    events.publish('s1', { s: '1', ids: ['x'] });
    events.publish('s2', { ga: {} });
    events.publish('s2', { ga: {} });
    events.publish('s2', { s: '0', ids: [] });
    await settle();

    expect(one).toEqual([JSON.stringify({ s: '1', ids: ['x'] })]);
    expect(two).toEqual([JSON.stringify({ ga: {} })]);
    expect(local).toEqual(['s1', 's2', 's2']);
    await coord.close();
  });

  it('sends a later change in a later message', async () => {
    const coord = createMemoryCoordinator();
    const events = seatEvents(coord);
    const received: string[] = [];
    await events.subscribe('s1', (raw) => received.push(raw));
    events.publish('s1', { s: '1', ids: ['x'] });
    await settle();
    events.publish('s1', { s: '0', ids: ['x'] });
    await settle();
    expect(received).toEqual([
      JSON.stringify({ s: '1', ids: ['x'] }),
      JSON.stringify({ s: '0', ids: ['x'] }),
    ]);
    await coord.close();
  });
});
