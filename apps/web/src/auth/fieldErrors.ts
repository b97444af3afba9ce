import type { FieldErrors } from '../api/client.ts';

type Issue = { path: PropertyKey[]; message: string };
type SafeParse<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

/** Runs a contract schema over form values; returns the parsed body or the first message per field. */
export function validateWith<T>(
  schema: { safeParse(v: unknown): SafeParse<T> },
  values: unknown,
): { data: T; errors?: undefined } | { data?: undefined; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= issue.message;
  }
  return { errors };
}

/** The message for one field only, used to re-check a field as it is edited after a failed submit. */
export function fieldError(
  schema: { safeParse(v: unknown): SafeParse<unknown> },
  values: unknown,
  field: string,
): string | undefined {
  const { errors } = validateWith(schema, values);
  return errors?.[field];
}
