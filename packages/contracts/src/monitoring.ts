import { z } from 'zod';
import { ComponentStatus } from './health.ts';

/**
 * The admin monitoring API (/api/admin/monitoring/...) and readiness (/api/ready). Business
 * figures come from the database; system figures from the servers' own rolling window.
 */

const Count = z.number().int().min(0);
const When = z.iso.datetime({ offset: true });
const Money = z.object({ currency: z.string(), amountCents: z.number().int() });

/**
 * Where a session stands for an admin: not yet published, published but sales not open yet, on
 * sale, sold out, sales closed before the show, over, or cancelled (itself or its event).
 */
export const SessionMonitorStatus = z.enum([
  'draft',
  'scheduled',
  'on_sale',
  'sold_out',
  'sales_closed',
  'past',
  'cancelled',
]);
export type SessionMonitorStatus = z.infer<typeof SessionMonitorStatus>;

export const MonitoredSession = z.object({
  id: z.uuid(),
  startsAt: When,
  salesOpenAt: When,
  salesCloseAt: When,
  venueName: z.string(),
  status: SessionMonitorStatus,
  capacity: Count,
  /** Tickets issued and not cancelled. */
  sold: Count,
  /** Seats and places in live holds. */
  held: Count,
  paidOrders: Count,
  revenue: z.array(Money),
});
export type MonitoredSession = z.infer<typeof MonitoredSession>;

export const MonitoredEvent = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(['draft', 'published', 'cancelled', 'ended']),
  sessions: z.array(MonitoredSession),
});
export type MonitoredEvent = z.infer<typeof MonitoredEvent>;

export const JobQueueFigures = z.object({
  queue: z.string(),
  /** Waiting to run, first attempt or retry. */
  queued: Count,
  active: Count,
  /** Given up after the last retry (kept by pg-boss for its retention period). */
  failed: Count,
});

export const MonitoringOverview = z.object({
  generatedAt: When,
  events: z.array(MonitoredEvent),
  /** More events exist than were listed (the most relevant come first). */
  truncated: z.boolean(),
  sessionsByStatus: z.record(SessionMonitorStatus, Count),
  totals: z.object({
    capacity: Count,
    sold: Count,
    held: Count,
    holdsActive: Count,
    revenue: z.array(Money),
    ordersByStatus: z.record(z.string(), Count),
    ticketsByStatus: z.record(z.string(), Count),
  }),
  jobs: z.array(JobQueueFigures),
});
export type MonitoringOverview = z.infer<typeof MonitoringOverview>;

export const RegistrationBucket = z.enum(['minute', 'hour', 'day']);
export type RegistrationBucket = z.infer<typeof RegistrationBucket>;

/** Most points one series may have: a day per minute, a month per hour, ~5 years per day. */
export const MAX_REGISTRATION_POINTS = 1_800;

const BUCKET_MS: Record<RegistrationBucket, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

export const RegistrationsQuery = z
  .strictObject({
    from: When,
    to: When,
    bucket: RegistrationBucket.default('hour'),
    eventId: z.uuid().optional(),
    sessionId: z.uuid().optional(),
    /** IANA time zone that hours and days are cut in (the viewer's); UTC by default. */
    tz: z
      .string()
      .max(64)
      .regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$|^UTC$/, 'An IANA time zone such as Europe/Paris')
      .default('UTC'),
  })
  .superRefine((q, ctx) => {
    const span = Date.parse(q.to) - Date.parse(q.from);
    if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
    else if (span / BUCKET_MS[q.bucket] > MAX_REGISTRATION_POINTS)
      ctx.addIssue({
        code: 'custom',
        path: ['bucket'],
        message: `Too many ${q.bucket}s in this range: pick a larger bucket or a shorter range`,
      });
  });
export type RegistrationsQuery = z.infer<typeof RegistrationsQuery>;

export const RegistrationPoint = z.object({
  /** Start of the bucket. */
  t: When,
  /** Orders placed (any outcome). */
  orders: Count,
  /** Orders whose payment completed in this bucket. */
  paidOrders: Count,
  /** Tickets issued in this bucket. */
  tickets: Count,
});
export type RegistrationPoint = z.infer<typeof RegistrationPoint>;

export const RegistrationsSeries = z.object({
  bucket: RegistrationBucket,
  tz: z.string(),
  from: When,
  to: When,
  points: z.array(RegistrationPoint),
  totals: z.object({ orders: Count, paidOrders: Count, tickets: Count }),
});
export type RegistrationsSeries = z.infer<typeof RegistrationsSeries>;

export const CategorySalesQuery = z.strictObject({
  eventId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
  from: When.optional(),
  to: When.optional(),
});
export type CategorySalesQuery = z.infer<typeof CategorySalesQuery>;

export const CategorySales = z.object({
  items: z.array(
    z.object({
      category: z.string(),
      label: z.string(),
      color: z.string().nullable(),
      tickets: Count,
      revenue: z.array(Money),
    }),
  ),
});
export type CategorySales = z.infer<typeof CategorySales>;

export const PerformanceQuery = z.strictObject({
  minutes: z.coerce.number().int().min(5).max(60).default(60),
});

/** One minute of every server process together. Percentiles in milliseconds, null without data. */
export const PerformanceMinute = z.object({
  t: When,
  /** Seconds of this minute the figures cover (less than 60 for the minute in progress). */
  seconds: z.number(),
  processes: Count,
  requests: Count,
  errors4xx: Count,
  errors5xx: Count,
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
  dbQueries: Count,
  dbP95Ms: z.number().nullable(),
  /** Event-loop delay of the worst process. */
  loopP50Ms: z.number().nullable(),
  loopP99Ms: z.number().nullable(),
  loopMaxMs: z.number().nullable(),
  heapUsedMb: z.number().nullable(),
});
export type PerformanceMinute = z.infer<typeof PerformanceMinute>;

export const RoutePerformance = z.object({
  method: z.string(),
  route: z.string(),
  requests: Count,
  perSecond: z.number(),
  errors4xx: Count,
  errors5xx: Count,
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
});
export type RoutePerformance = z.infer<typeof RoutePerformance>;

/** What the waiting room reports per session (see the monitoring module's registerQueueSource). */
export const QueueFigures = z.object({
  sessionId: z.string(),
  waiting: Count,
  admitted: Count,
  activeShoppers: Count,
  admissionRatePerMinute: z.number().min(0),
});
export type QueueFigures = z.infer<typeof QueueFigures>;

export const MonitoringPerformance = z.object({
  generatedAt: When,
  /** Server processes whose figures are included (those that reported within the last minute). */
  processes: Count,
  minutes: z.array(PerformanceMinute),
  routes: z.array(RoutePerformance),
  queues: z.array(QueueFigures),
});
export type MonitoringPerformance = z.infer<typeof MonitoringPerformance>;

export const ReadyResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    db: ComponentStatus,
    coordinator: ComponentStatus,
    /** Absent on a process without a job runner (the queue edge). */
    jobs: ComponentStatus.optional(),
  }),
});
export type ReadyResponse = z.infer<typeof ReadyResponse>;
