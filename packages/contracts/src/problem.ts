import { z } from 'zod';

/** RFC 9457 problem details, as every error of the API is answered. */
export const Problem = z.object({
  type: z.string().describe('A URI that identifies the problem type; stable across releases'),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string().describe('Stable machine-readable code, e.g. EMAIL_TAKEN'),
  requestId: z.string().optional(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('Field-level validation errors'),
});
export type Problem = z.infer<typeof Problem>;
