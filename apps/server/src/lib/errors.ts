/**
 * Domain errors: one class per failure a caller can act on. Each knows its HTTP status and a
 * stable code; http/problem.ts is the one place that turns them into RFC 9457 responses.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export class ValidationFailed extends AppError {
  constructor(detail: string, errors: { path: string; message: string }[] = []) {
    super(400, 'VALIDATION', 'Invalid request', detail, { errors });
  }
}

export class Unauthenticated extends AppError {
  constructor(detail = 'Sign in to continue.') {
    super(401, 'UNAUTHENTICATED', 'Not signed in', detail);
  }
}

export class Forbidden extends AppError {
  constructor(detail = 'You do not have access to this resource.') {
    super(403, 'FORBIDDEN', 'Forbidden', detail);
  }
}

export class NotFound extends AppError {
  constructor(what: string) {
    super(404, 'NOT_FOUND', 'Not found', `${what} was not found.`);
  }
}

export class Conflict extends AppError {
  constructor(code: string, detail: string) {
    super(409, code, 'Conflict', detail);
  }
}

export class RateLimited extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    detail = 'Too many attempts. Try again later.',
  ) {
    super(429, 'RATE_LIMITED', 'Too many requests', detail, { retryAfterSeconds });
  }
}
