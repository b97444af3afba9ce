import { z } from 'zod';

export const ComponentStatus = z.object({
  ok: z.boolean(),
  kind: z.string().describe('Which adapter is in use, e.g. pglite, postgres, memory, redis'),
  latencyMs: z.number().optional(),
  error: z.string().optional(),
});

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number(),
  db: ComponentStatus,
  coordinator: ComponentStatus,
});
export type HealthResponse = z.infer<typeof HealthResponse>;
