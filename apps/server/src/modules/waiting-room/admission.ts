import { type Checkpoint, phaseAt, type RoomState } from './room.ts';

/**
 * One step of the admission controller, pure: given the room as last published and what the
 * leader just measured, how far does the serving number move?
 *
 *   admit = min(outflow owed since last step, free shopper slots, seats left, people waiting)
 *
 * - outflow owed: outflowPerMinute × elapsed, with the fraction carried to the next step;
 * - free slots: maxActiveShoppers − (active shoppers + admitted people who have not come in yet);
 *   a no-show's slot comes back once their window passes, because they leave the estimate;
 * - seats left: no point letting in more people than there are free seats for them;
 * - scheduled sales seal the pre-queue at opening (the draw); auto mode engages when the room is
 *   full and lets everyone straight in again once demand falls below 80% of it.
 */

export interface Measurements {
  now: number;
  /** The join counter. */
  joined: number;
  /**
   * People who came in (exchanged their token) and whose admission falls within the last no-show
   * window: the rest of those admitted in that window may still come and keep their slot.
   */
  enteredInWindow: number;
  /** People holding a live access token. */
  activeShoppers: number;
  /** Free seats (and GA places), and seats held by live holds; null when unknown this step. */
  stock: { available: number; held: number } | null;
  paused: boolean;
  outflowPerMinute: number;
}

/** Admissions are never owed for more than this gap: a leader that stalled must not burst. */
const MAX_STEP_MS = 5_000;
const EWMA_WINDOW_MS = 30_000;
const CHECKPOINT_EVERY_MS = 5_000;
const DISENGAGE_BELOW = 0.8;

/** Serving at time t: the last checkpoint at or before t (or the oldest). */
function servingAt(history: Checkpoint[], t: number): number {
  let v = history[0]?.[1] ?? 0;
  for (const c of history) {
    if (c[0] > t) break;
    v = c[1];
  }
  return v;
}

/** Admitted within the no-show window and not yet come in: they may still, so keep their slot. */
export function pendingAdmissions(room: RoomState, enteredInWindow: number, now: number): number {
  if (room.history.length === 0) return 0;
  const admitted = room.serving - servingAt(room.history, now - room.noShowMs);
  return Math.max(0, admitted - enteredInWindow);
}

export function advance(room: RoomState, m: Measurements): RoomState {
  const dt = Math.min(MAX_STEP_MS, Math.max(0, m.now - room.updatedAt));
  const next: RoomState = {
    ...room,
    joined: Math.max(room.joined, m.joined),
    paused: m.paused,
    outflowPerMinute: m.outflowPerMinute,
    updatedAt: m.now,
  };

  if (m.stock) {
    const soldOut = m.stock.available <= 0 && m.stock.held <= 0;
    if (soldOut && !next.closedReason) next.closedReason = 'sold-out';
    // Cancellations can bring seats back: the line moves again.
    if (!soldOut && next.closedReason === 'sold-out') next.closedReason = null;
  }

  let admit = 0;
  const phase = phaseAt(next, m.now);
  if (phase === 'prequeue' && next.mode === 'scheduled' && m.now >= next.salesOpenAt) {
    // The draw: everyone counted so far is shuffled; the next tick starts letting them in.
    next.prequeueSize = next.joined;
  } else if (phase === 'open' && !m.paused) {
    const waiting = next.joined - next.serving;
    const pending = pendingAdmissions(room, m.enteredInWindow, m.now);
    const occupancy = m.activeShoppers + pending;
    const slots = Math.max(0, next.maxActiveShoppers - occupancy);
    const seats = m.stock ? Math.max(0, m.stock.available - pending) : slots;

    // Auto mode: arrivals up to the last ceiling were told to come in on joining; they are counted
    // whatever happened since.
    const promised = Math.max(0, Math.min(next.joined, room.admitCeiling) - next.serving);
    if (next.mode === 'auto') {
      if (!next.engaged && occupancy >= next.maxActiveShoppers) next.engaged = true;
      else if (next.engaged && waiting === 0 && occupancy < next.maxActiveShoppers * DISENGAGE_BELOW)
        next.engaged = false;
    }

    if (next.mode === 'auto' && !next.engaged) {
      // Below capacity: beyond the promised, only as many as there are free slots.
      admit = Math.max(promised, Math.min(waiting, slots, seats));
      next.carry = 0;
      next.serving += admit;
      const free = Math.max(0, Math.min(slots, seats) - admit);
      next.admitCeiling = next.serving + free;
      // More people arrived than there were slots: from now on they wait in line.
      if (next.joined > next.admitCeiling) next.engaged = true;
    } else {
      const owed = next.carry + (next.outflowPerMinute * dt) / 60_000;
      admit = Math.max(promised, Math.floor(Math.min(owed, slots, seats, waiting)));
      // Credit only accrues while the outflow is the limit; idle capacity is not banked.
      next.carry = admit === Math.floor(owed) ? Math.min(1, owed - admit) : 0;
      next.serving += admit;
      next.admitCeiling = next.serving;
    }
  } else {
    next.carry = 0;
  }

  const instant = dt > 0 ? (admit / dt) * 60_000 : 0;
  const alpha = dt > 0 ? 1 - Math.exp(-dt / EWMA_WINDOW_MS) : 0;
  if (next.ratePerMinute === 0 && admit > 0) {
    // The line starts (or restarts) moving: start from the configured pace rather than climbing
    // from zero for half a minute, during which every ETA would be "unknown" or far too long.
    next.ratePerMinute = Math.min(next.outflowPerMinute, Math.max(instant, next.outflowPerMinute / 2));
  } else {
    next.ratePerMinute = next.ratePerMinute + alpha * (instant - next.ratePerMinute);
  }
  if (next.ratePerMinute < 0.01) next.ratePerMinute = 0;

  next.history = checkpoints(room.history, [m.now, next.serving], room.noShowMs);
  return next;
}

/**
 * Keeps checkpoints at least 5 s apart (the newest is moved forward instead of adding one), back
 * to just past the no-show window: ~70 entries for a 5-minute window. Moving the newest forward
 * makes an admission look up to 5 s later than it was, which only lengthens a window, never cuts it.
 */
function checkpoints(history: Checkpoint[], latest: Checkpoint, noShowMs: number): Checkpoint[] {
  const beforeLast = history[history.length - 2];
  const out =
    beforeLast && latest[0] - beforeLast[0] < CHECKPOINT_EVERY_MS
      ? [...history.slice(0, -1), latest]
      : [...history, latest];
  const horizon = latest[0] - noShowMs - 60_000;
  let drop = 0;
  while (drop < out.length - 1 && out[drop + 1]![0] <= horizon) drop++;
  return out.slice(drop);
}
