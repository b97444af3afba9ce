import { z } from 'zod';
import { QueueMode } from './catalog.ts';

const Iso = z.iso.datetime({ offset: true });

/**
 * Where a session's waiting room is, as every process publishes it:
 * - `off`: no queue, booking is open to everyone (mode off, or sales not queued);
 * - `not-yet`: the pre-queue has not opened;
 * - `prequeue`: people may join; their places are drawn at random when sales open;
 * - `open`: the serving number advances; later arrivals are FIFO;
 * - `closed`: sold out or sales over.
 */
export const QueuePhase = z.enum(['off', 'not-yet', 'prequeue', 'open', 'closed']);
export type QueuePhase = z.infer<typeof QueuePhase>;

/** The public, cacheable state of one session's waiting room (`GET /api/sessions/:id/queue/serving`). */
export const ServingState = z.object({
  sessionId: z.uuid(),
  mode: QueueMode,
  phase: QueuePhase,
  prequeueOpensAt: Iso.nullable(),
  salesOpenAt: Iso,
  /** How many joined before the draw; null until the pre-queue is sealed at opening. */
  prequeueSize: z.number().int().nullable(),
  /** Everyone whose place is at or below this number has been let in. */
  serving: z.number().int(),
  /** Join numbers handed out so far (approximate between updates). */
  joined: z.number().int(),
  /** Measured admissions per minute (EWMA); 0 while nobody is let in. */
  admissionRatePerMinute: z.number(),
  outflowPerMinute: z.number().int(),
  paused: z.boolean(),
  /** Auto mode: true while demand is above capacity and arrivals must wait. */
  engaged: z.boolean(),
  closedReason: z.enum(['sold-out', 'sales-closed', 'cancelled']).nullable(),
  updatedAt: Iso,
});
export type ServingState = z.infer<typeof ServingState>;

export const QueueState = z.enum(['prequeue', 'waiting', 'admitted', 'closed']);
export type QueueState = z.infer<typeof QueueState>;

/** One person's view, computed from their token and the serving state alone. */
export const QueueStatus = z.object({
  state: QueueState,
  /** 1-based place in line; null in the pre-queue (drawn at opening). */
  position: z.number().int().nullable(),
  /** People still to be let in before this one; null in the pre-queue. */
  ahead: z.number().int().nullable(),
  /** How far along the line this person is, 0–1; null in the pre-queue. */
  progress: z.number().min(0).max(1).nullable(),
  /** Estimated wait as a range; null while unknown (nobody is being let in, or paused). */
  etaSeconds: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
  /** When to ask again; clients should add a little jitter. */
  pollAfterSeconds: z.number().int(),
  salesOpenAt: Iso,
  /** When admitted: the deadline to enter before the place goes to the next person. */
  enterBy: Iso.nullable(),
  paused: z.boolean(),
  closedReason: ServingState.shape.closedReason,
  message: z.string(),
});
export type QueueStatus = z.infer<typeof QueueStatus>;

export const QueueJoinResponse = z.object({
  /** Signed; bound to this account and session. Send it to status and enter. */
  token: z.string(),
  joinNumber: z.number().int(),
  /** False when this account had already joined: the same place is returned. */
  fresh: z.boolean(),
  status: QueueStatus,
});
export type QueueJoinResponse = z.infer<typeof QueueJoinResponse>;

export const QueueToken = z.string().min(10).max(400);
export const QueueStatusQuery = z.strictObject({ token: QueueToken });
export const QueueEnterRequest = z.strictObject({ token: QueueToken });

/** Exchanged once admitted; holds on a queued session require it (header `x-queue-access`). */
export const QueueAccess = z.object({
  accessToken: z.string(),
  expiresAt: Iso,
});
export type QueueAccess = z.infer<typeof QueueAccess>;
export const QUEUE_ACCESS_HEADER = 'x-queue-access';

/** Admin: the live panel of one session's waiting room. */
export const QueueMonitor = z.object({
  serving: ServingState,
  waiting: z.number().int(),
  activeShoppers: z.number().int(),
  pendingAdmissions: z.number().int(),
  maxActiveShoppers: z.number().int(),
  remainingSeats: z.number().int().nullable(),
  leader: z.boolean().describe('Whether this process runs the admission controller right now'),
});
export type QueueMonitor = z.infer<typeof QueueMonitor>;

export const QueueControl = z.union([
  z.strictObject({ action: z.enum(['pause', 'resume']) }),
  z.strictObject({ outflowPerMinute: z.number().int().min(1).max(100_000) }),
]);
export type QueueControl = z.infer<typeof QueueControl>;
