import { describe, expect, it } from 'vitest';
import { advance, type Measurements, pendingAdmissions } from './admission.ts';
import {
  accessRequired,
  initialRoom,
  personStatus,
  phaseAt,
  type RoomState,
  withSessionFacts,
} from './room.ts';
import { sessionFacts, T0 } from './room-fixtures.ts';

const session = sessionFacts;

const measure = (now: number, over: Partial<Measurements> = {}): Measurements => ({
  now,
  joined: 0,
  enteredInWindow: 0,
  activeShoppers: 0,
  stock: { available: 10_000, held: 0 },
  paused: false,
  outflowPerMinute: 60,
  ...over,
});

/** Runs the controller once a second from `from` for `seconds`. */
function run(room: RoomState, from: number, seconds: number, m: (now: number) => Partial<Measurements>) {
  let r = room;
  for (let s = 1; s <= seconds; s++) r = advance(r, measure(from + s * 1000, m(from + s * 1000)));
  return r;
}

describe('admission controller', () => {
  it('keeps a scheduled room in the pre-queue until opening, then seals it at the count so far', () => {
    let room = initialRoom(session(), T0 - 5 * 60_000);
    expect(phaseAt(room, T0 - 11 * 60_000)).toBe('not-yet');
    expect(phaseAt(room, T0 - 5 * 60_000)).toBe('prequeue');
    room = advance(room, measure(T0 - 1000, { joined: 500 }));
    expect(room.prequeueSize).toBeNull();
    expect(room.serving).toBe(0);
    room = advance(room, measure(T0 + 200, { joined: 512 }));
    expect(room.prequeueSize).toBe(512);
    expect(phaseAt(room, T0 + 200)).toBe('open');
  });

  it('lets people in at the configured outflow per minute', () => {
    let room = advance(initialRoom(session(), T0 - 1000), measure(T0, { joined: 5_000 }));
    room = run(room, T0, 120, (now) => ({ joined: 5_000, enteredInWindow: 0, activeShoppers: 0, now }));
    // 60 per minute for two minutes, bounded by 100 shopper slots: the admitted who have not come
    // in yet hold their slots for the 2-minute no-show window.
    expect(room.serving).toBe(100);
    const fresh = run(
      advance(initialRoom(session(), T0 - 1000), measure(T0, { joined: 5_000 })),
      T0,
      60,
      () => ({ joined: 5_000 }),
    );
    expect(fresh.serving).toBeGreaterThanOrEqual(59);
    expect(fresh.serving).toBeLessThanOrEqual(60);
    expect(fresh.ratePerMinute).toBeGreaterThan(50);
  });

  it('knows its pace from the first admissions instead of climbing from zero', () => {
    let room = advance(initialRoom(session(), T0 - 1000), measure(T0, { joined: 5_000 }));
    room = run(room, T0, 2, () => ({ joined: 5_000 }));
    expect(room.serving).toBeGreaterThan(0);
    expect(room.ratePerMinute).toBeGreaterThanOrEqual(30);
    expect(personStatus(room, 4_000, T0 + 2_000, (k) => k).etaSeconds).not.toBeNull();
  });

  it('never lets in more shoppers than the room holds', () => {
    let room = advance(initialRoom(session(), T0 - 1000), measure(T0, { joined: 5_000 }));
    room = run(room, T0, 300, () => ({
      joined: 5_000,
      enteredInWindow: 0,
      activeShoppers: 95,
      outflowPerMinute: 6000,
    }));
    // 95 are shopping; only 5 more slots, held by the admitted until their window passes.
    expect(room.serving).toBeLessThanOrEqual(5 * 3);
  });

  it('gives a no-show slot back to the outflow once their window passes', () => {
    const s = session({ queueSettings: { outflowPerMinute: 6000, maxActiveShoppers: 10, noShowMinutes: 1 } });
    let room = advance(initialRoom(s, T0 - 1000), measure(T0, { joined: 1000, outflowPerMinute: 6000 }));
    room = run(room, T0, 10, () => ({ joined: 1000, outflowPerMinute: 6000 }));
    expect(room.serving).toBe(10);
    expect(pendingAdmissions(room, 0, T0 + 10_000)).toBe(10);
    // Nobody came in; after the one-minute window their slots are free again.
    room = run(room, T0 + 10_000, 70, () => ({ joined: 1000, outflowPerMinute: 6000 }));
    expect(room.serving).toBeGreaterThanOrEqual(20);
  });

  it('counts people who came in as shoppers, not as pending', () => {
    const s = session({ queueSettings: { outflowPerMinute: 6000, maxActiveShoppers: 10, noShowMinutes: 5 } });
    let room = advance(initialRoom(s, T0 - 1000), measure(T0, { joined: 1000, outflowPerMinute: 6000 }));
    room = run(room, T0, 5, () => ({ joined: 1000, outflowPerMinute: 6000 }));
    expect(room.serving).toBe(10);
    // All ten exchanged their token and shop; then four finish (their access ends).
    room = run(room, T0 + 5000, 5, () => ({
      joined: 1000,
      enteredInWindow: 10,
      activeShoppers: 6,
      outflowPerMinute: 6000,
    }));
    expect(room.serving).toBe(14);
  });

  it('admits nobody while every seat is held, and closes when sold out', () => {
    let room = advance(initialRoom(session(), T0 - 1000), measure(T0, { joined: 100 }));
    room = run(room, T0, 30, () => ({ joined: 100, stock: { available: 0, held: 20 } }));
    expect(room.serving).toBe(0);
    expect(room.closedReason).toBeNull();
    expect(personStatus(room, 1, T0 + 30_000, (k) => k).etaSeconds).toBeNull();
    room = advance(room, measure(T0 + 31_000, { joined: 100, stock: { available: 0, held: 0 } }));
    expect(room.closedReason).toBe('sold-out');
    expect(personStatus(room, 1, T0 + 31_000, (k) => k).state).toBe('closed');
    room = advance(room, measure(T0 + 32_000, { joined: 100, stock: { available: 3, held: 0 } }));
    expect(room.closedReason).toBeNull();
  });

  it('stands still while paused and forgets its rate', () => {
    let room = advance(initialRoom(session(), T0 - 1000), measure(T0, { joined: 1000 }));
    room = run(room, T0, 30, () => ({ joined: 1000 }));
    const before = room.serving;
    room = run(room, T0 + 30_000, 120, () => ({ joined: 1000, paused: true }));
    expect(room.serving).toBe(before);
    expect(room.ratePerMinute).toBeLessThan(2);
    expect(personStatus(room, 900, T0 + 150_000, (k) => k).etaSeconds).toBeNull();
  });

  it('auto mode lets everyone in below capacity, engages when full, and lets go when demand falls', () => {
    const s = session({ queueMode: 'auto', queueSettings: { outflowPerMinute: 60, maxActiveShoppers: 50 } });
    let room = initialRoom(s, T0);
    room = advance(room, measure(T0 + 1000, { joined: 30 }));
    expect(room.engaged).toBe(false);
    expect(room.serving).toBe(30);
    expect(room.admitCeiling).toBe(50);
    // 170 more arrive; the 30 came in and shop. Only the 20 free slots are let in.
    room = advance(room, measure(T0 + 2000, { joined: 200, enteredInWindow: 30, activeShoppers: 30 }));
    expect(room.serving).toBe(50);
    expect(room.engaged).toBe(true);
    room = run(room, T0 + 2000, 10, () => ({ joined: 200, enteredInWindow: 50, activeShoppers: 50 }));
    expect(room.serving).toBe(50);
    // Shoppers come in as soon as they are admitted, and only ten stay busy at a time.
    for (let t = 1; t <= 600; t++) {
      room = advance(
        room,
        measure(T0 + 12_000 + t * 1000, {
          joined: 200,
          enteredInWindow: room.serving - 50,
          activeShoppers: 10,
        }),
      );
    }
    expect(room.serving).toBe(200);
    expect(room.engaged).toBe(false);
  });

  it('auto mode never lets a flood in past its free slots', () => {
    const s = session({ queueMode: 'auto', queueSettings: { outflowPerMinute: 60, maxActiveShoppers: 50 } });
    let room = advance(initialRoom(s, T0), measure(T0 + 1000, { joined: 0 }));
    expect(room.admitCeiling).toBe(50);
    // 20,000 people join within one second: only the first 50 are told to come in.
    expect(personStatus(room, 50, T0 + 1500, (k) => k).state).toBe('admitted');
    expect(personStatus(room, 51, T0 + 1500, (k) => k).state).toBe('waiting');
    room = advance(room, measure(T0 + 2000, { joined: 20_000 }));
    expect(room.serving).toBe(50);
    expect(room.engaged).toBe(true);
    expect(personStatus(room, 50, T0 + 2000, (k) => k).state).toBe('admitted');
    expect(personStatus(room, 20_000, T0 + 2000, (k) => k).state).toBe('waiting');
    room = run(room, T0 + 2000, 60, () => ({ joined: 20_000 }));
    expect(room.serving).toBe(50); // nobody came in: all 50 slots are still promised
  });

  it('keeps a draw and the serving number when the mode changes', () => {
    let room = advance(initialRoom(session(), T0 - 1000), measure(T0, { joined: 100 }));
    room = run(room, T0, 10, () => ({ joined: 100 }));
    const served = room.serving;
    const off = withSessionFacts(room, session({ queueMode: 'off' }));
    expect(off.prequeueSize).toBe(100);
    const back = withSessionFacts(off, session({ queueMode: 'scheduled' }));
    expect(back.prequeueSize).toBe(100);
    expect(back.serving).toBe(served);
    expect(withSessionFacts(room, session({ queueMode: 'auto' })).prequeueSize).toBe(100);
  });

  it('asks for an access token whenever a room is not off, sold out included', () => {
    const room = { ...initialRoom(session(), T0), closedReason: 'sold-out' as const };
    expect(accessRequired(room, T0)).toBe(true);
    expect(accessRequired({ ...room, mode: 'off' as const }, T0)).toBe(false);
    expect(accessRequired(null, T0)).toBe(false);
  });
});

describe('person status', () => {
  const open = () => {
    let room = advance(initialRoom(session(), T0 - 1000), measure(T0, { joined: 1000 }));
    room = run(room, T0, 60, () => ({ joined: 1000 }));
    return room;
  };

  it('tells pre-queue members their place is drawn at opening', () => {
    const room = initialRoom(session(), T0 - 60_000);
    const s = personStatus(room, 7, T0 - 60_000, (k) => k);
    expect(s.state).toBe('prequeue');
    expect(s.position).toBeNull();
    expect(s.pollAfterSeconds).toBe(15);
  });

  it('gives position, people ahead, progress and an ETA range from the measured rate', () => {
    const room = open();
    const s = personStatus(room, 500, T0 + 60_000, (k) => k);
    expect(s.state).toBe('waiting');
    expect(s.position).toBe(500);
    expect(s.ahead).toBe(500 - room.serving - 1);
    expect(s.progress).toBeCloseTo(room.serving / 499, 2);
    // ~440 people at ~60/min: 7–8 minutes, as a range around it.
    expect(s.etaSeconds!.min).toBeLessThan(440 * 1.05);
    expect(s.etaSeconds!.max).toBeGreaterThan(440 * 0.95);
    expect(s.pollAfterSeconds).toBe(30);
  });

  it('admits a place once serving passes it, with a deadline to come in', () => {
    const room = open();
    const s = personStatus(room, 10, T0 + 60_000, (k) => k);
    expect(s.state).toBe('admitted');
    const enterBy = Date.parse(s.enterBy!);
    expect(enterBy).toBeGreaterThan(T0 + 60_000);
    expect(enterBy).toBeLessThanOrEqual(T0 + 10_000 + 2 * 60_000 + 5_000);
  });

  it('answers every state with the same fields in the same order (one object shape per poll)', () => {
    const room = open();
    const answers = [
      personStatus(initialRoom(session(), T0 - 60_000), 7, T0 - 60_000, (k) => k),
      personStatus(room, 500, T0 + 60_000, (k) => k),
      personStatus(room, 10, T0 + 60_000, (k) => k),
      personStatus({ ...room, closedReason: 'sold-out' }, 500, T0 + 60_000, (k) => k),
      personStatus({ ...room, mode: 'off' }, 500, T0 + 60_000, (k) => k),
    ];
    expect(answers.map((a) => a.state)).toEqual(['prequeue', 'waiting', 'admitted', 'closed', 'admitted']);
    for (const a of answers) expect(Object.keys(a)).toEqual(Object.keys(answers[0]!));
    expect(answers[3]!.closedReason).toBe('sold-out');
  });

  it('uses the draw for pre-queue numbers and arrival order after it', () => {
    const room = open();
    const placeOf = (k: number) => (k <= 1000 ? 1001 - k : k);
    expect(personStatus(room, 1000, T0 + 60_000, placeOf).state).toBe('admitted');
    expect(personStatus(room, 1, T0 + 60_000, placeOf).position).toBe(1000);
  });
});
