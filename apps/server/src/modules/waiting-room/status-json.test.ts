import { queueStatusJson } from '@ticketing/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialRoom, personStatus, personStatusJson, type RoomState } from './room.ts';
import { sessionFacts, T0 } from './room-fixtures.ts';

const session = sessionFacts();

// The polls answered before the framework write the waiting answer straight from its numbers
// (room.ts personStatusJson, contracts waitingStatusJson); every answer must be the route's.
describe('a status as JSON, written straight from the room', () => {
  it('is exactly queueStatusJson of personStatus, in every state a room can be in', () => {
    const base = initialRoom(session, T0 - 60_000, 7);
    fc.assert(
      fc.property(
        fc.record({
          mode: fc.constantFrom<RoomState['mode']>('scheduled', 'auto', 'off'),
          prequeueSize: fc.option(fc.integer({ min: 0, max: 2_000_000 })),
          serving: fc.integer({ min: 0, max: 2_000_000 }),
          ratePerMinute: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100_000, noNaN: true })),
          paused: fc.boolean(),
          engaged: fc.boolean(),
          admitCeiling: fc.integer({ min: 0, max: 1_000 }),
          closedReason: fc.constantFrom<RoomState['closedReason']>(null, 'sold-out', 'cancelled'),
          age: fc.integer({ min: 0, max: 30_000 }),
          at: fc.integer({ min: -700_000, max: 3_600_000 }),
          joinNumber: fc.integer({ min: 1, max: 2_500_000 }),
          history: fc.array(
            fc.tuple(fc.integer({ min: -60_000, max: 60_000 }), fc.integer({ min: 0, max: 2_000_000 })),
            {
              maxLength: 4,
            },
          ),
        }),
        (r) => {
          const now = T0 + r.at;
          const room: RoomState = {
            ...base,
            mode: r.mode,
            prequeueSize: r.prequeueSize,
            serving: r.serving,
            ratePerMinute: r.ratePerMinute,
            paused: r.paused,
            engaged: r.engaged,
            admitCeiling: r.admitCeiling,
            closedReason: r.closedReason,
            history: r.history.map(([dt, s]) => [now + dt, s] as [number, number]),
            updatedAt: now - r.age,
          };
          const placeOf = (k: number) => (k <= 1000 ? 1001 - k : k);
          const json = personStatusJson(room, r.joinNumber, now, placeOf);
          expect(json).toBe(queueStatusJson(personStatus(room, r.joinNumber, now, placeOf)));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('writes every progress, to the thousandth, as JSON does', () => {
    const room: RoomState = { ...initialRoom(session, T0, 7), prequeueSize: 0, ratePerMinute: 30 };
    for (let position = 1; position <= 2_001; position++) {
      const at = { ...room, serving: Math.max(0, position - 1 - ((position * 7) % 50)) };
      const json = personStatusJson(at, position, T0 + 1_000, (k) => k);
      expect(json).toBe(JSON.stringify(personStatus(at, position, T0 + 1_000, (k) => k)));
    }
  });
});
