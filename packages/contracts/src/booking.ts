import { z } from 'zod';

const SeatId = z.string().min(1).max(64);

/** One of three ways to hold: chosen seats, best available in a category, or general admission. */
export const HoldCreate = z
  .strictObject({
    seatIds: z.array(SeatId).min(1, 'Pick at least one seat').max(100).optional(),
    category: z.string().min(1).max(32).optional(),
    sectionId: z.string().min(1).max(64).optional(),
    gaAreaId: z.string().min(1).max(64).optional(),
    quantity: z.number().int().min(1, 'Quantity is at least 1').max(100).optional(),
  })
  .superRefine((v, ctx) => {
    const modes = [v.seatIds !== undefined, v.category !== undefined, v.gaAreaId !== undefined].filter(
      Boolean,
    ).length;
    if (modes !== 1)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'Send exactly one of seatIds, category (+quantity) or gaAreaId (+quantity)',
      });
    if ((v.category !== undefined || v.gaAreaId !== undefined) && v.quantity === undefined)
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'Quantity is required' });
    if (v.seatIds !== undefined && v.quantity !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['quantity'],
        message: 'Quantity goes with category or gaAreaId, not seatIds',
      });
  });
export type HoldCreate = z.infer<typeof HoldCreate>;

export const HeldSeat = z.object({
  id: z.string(),
  label: z.string(),
  row: z.string(),
  section: z.string(),
  sectionId: z.string(),
  category: z.string(),
});

export const Hold = z.object({
  holdId: z.uuid(),
  sessionId: z.uuid(),
  status: z.enum(['active', 'converted', 'released', 'expired']),
  expiresAt: z.string(),
  seats: z.array(HeldSeat),
  ga: z.array(
    z.object({ areaId: z.string(), label: z.string(), category: z.string(), quantity: z.number().int() }),
  ),
});
export type Hold = z.infer<typeof Hold>;

export const Availability = z.object({
  sessionId: z.uuid(),
  at: z.string(),
  /** One character per seat in plan order: 0 free, 1 held, 2 sold, 3 blocked. */
  seats: z.string(),
  ga: z.record(z.string(), z.number()),
});
export type Availability = z.infer<typeof Availability>;

export const OrderCreate = z.strictObject({ holdId: z.uuid() });

export const OrderItem = z.object({
  seatId: z.string().nullable(),
  areaId: z.string().nullable(),
  category: z.string(),
  label: z.string(),
  priceCents: z.number().int(),
});

export const OrderTicket = z.object({
  id: z.uuid(),
  seatId: z.string().nullable(),
  areaId: z.string().nullable(),
  label: z.string(),
  category: z.string(),
  priceCents: z.number().int(),
  status: z.enum(['active', 'used', 'cancelled']),
});

export const Order = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  holdId: z.uuid(),
  status: z.enum(['pending', 'paid', 'failed', 'cancelled', 'refunded']),
  totalCents: z.number().int(),
  currency: z.string(),
  failureReason: z.string().nullable(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  items: z.array(OrderItem),
  tickets: z.array(OrderTicket),
  payment: z.object({ id: z.string(), status: z.string(), redirectUrl: z.string() }).nullable(),
  refundedCents: z.number().int(),
  cancellable: z.boolean(),
  event: z.object({ id: z.uuid(), title: z.string() }).optional(),
  session: z
    .object({ startsAt: z.string(), venue: z.string(), city: z.string(), timezone: z.string() })
    .optional(),
});
export type Order = z.infer<typeof Order>;

export const OrderCancel = z.strictObject({
  ticketIds: z
    .array(z.uuid())
    .min(1)
    .max(100)
    .optional()
    .describe('Cancel only these tickets; all when omitted'),
});
