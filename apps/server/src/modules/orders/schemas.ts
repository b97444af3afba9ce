import { z } from 'zod';

/** The longest a buyer's request may wait for its order to settle; proxies commonly cut at 30 s. */
export const ORDER_WAIT_MAX_MS = 25_000;
export const ORDER_WAIT_DEFAULT_MS = 20_000;

/** GET /api/orders/:id — optionally wait until a pending order is paid or failed. */
export const OrderWaitQuery = z
  .object({
    waitFor: z
      .literal('settled')
      .optional()
      .describe('Answer once the order has left pending (paid or failed), or at the timeout'),
    timeoutMs: z.coerce
      .number()
      .int()
      .min(0)
      .max(ORDER_WAIT_MAX_MS)
      .optional()
      .describe(`How long to wait, in ms (default ${ORDER_WAIT_DEFAULT_MS}); the order as it is then`),
  })
  .refine((q) => q.timeoutMs === undefined || q.waitFor !== undefined, {
    message: 'timeoutMs needs waitFor=settled',
    path: ['timeoutMs'],
  });
