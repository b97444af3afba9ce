/** True when err (or the driver error drizzle wraps in `cause`) is a unique-constraint violation. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined; e; ) {
    // node-postgres names the constraint in a field; PGlite only in the message.
    if (e.code === '23505')
      return (
        constraint === undefined ||
        e.constraint === constraint ||
        String((e as Error).message).includes(constraint)
      );
    e = e.cause as typeof e;
  }
  return false;
}
