import type { QueueStatus, ServingState } from './queue.ts';

/**
 * How far along the line someone is, from their place and the serving state: the one formula the
 * server uses for status answers and the browser uses between them (a place never changes after
 * the draw; only the serving number moves, and that is public and cacheable). Pure, no I/O.
 */

/** Below this measured rate the line is effectively stopped and an ETA would be fiction. */
export const MIN_RATE_PER_MINUTE = 0.5;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export const WAITING_MESSAGES = {
  paused: 'The line is paused for a moment. You keep your place.',
  moving: 'You are in line. Keep this page open; we will let you in when it is your turn.',
  stopped: 'You are in line. Nobody is being let in right now (seats may all be held); you keep your place.',
} as const;

export type WaitingFigures = Pick<
  QueueStatus,
  'ahead' | 'progress' | 'etaSeconds' | 'pollAfterSeconds' | 'message'
>;

export function waitingFigures(input: {
  position: number;
  serving: number;
  ratePerMinute: number;
  paused: boolean;
  /** False when the serving state is too old to trust for an ETA. */
  fresh: boolean;
}): WaitingFigures {
  const { position, serving, ratePerMinute, paused, fresh } = input;
  const ahead = Math.max(0, position - serving - 1);
  const progress = position > 1 ? clamp(serving / (position - 1), 0, 1) : 1;
  const known = !paused && fresh && ratePerMinute >= MIN_RATE_PER_MINUTE;
  const eta = known ? ((ahead + 1) / ratePerMinute) * 60 : null;
  return {
    ahead,
    progress: Math.round(progress * 1000) / 1000,
    etaSeconds: eta === null ? null : { min: Math.floor(eta * 0.85), max: Math.ceil(eta * 1.25) },
    // Unknown right after opening or while paused: look again soon, the line may start any moment.
    pollAfterSeconds: eta === null ? 5 : Math.round(clamp(eta / 10, 2, 30)),
    message: paused ? WAITING_MESSAGES.paused : known ? WAITING_MESSAGES.moving : WAITING_MESSAGES.stopped,
  };
}

/**
 * A waiting person's status recomputed from a newer serving state, or null when only the server
 * can say what happens next (their turn may have come, the line stopped or closed, or the state
 * is not newer).
 */
export function statusFromServing(last: QueueStatus, serving: ServingState, now: number): QueueStatus | null {
  if (last.state !== 'waiting' || last.position === null) return null;
  if (serving.phase !== 'open' || serving.closedReason || serving.paused) return null;
  if (serving.serving >= last.position) return null;
  const age = now - Date.parse(serving.updatedAt);
  return {
    ...last,
    position: last.position,
    ...waitingFigures({
      position: last.position,
      serving: serving.serving,
      ratePerMinute: serving.admissionRatePerMinute,
      paused: serving.paused,
      fresh: age < 10_000,
    }),
    paused: false,
  };
}
