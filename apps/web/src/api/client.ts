import { Problem } from '@ticketing/contracts';

export type FieldErrors = Partial<Record<string, string>>;

/** Any failed API call: the server's problem+json, or a synthetic one for network and proxy failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly requestId: string | undefined;
  /** First message per field, keyed by the top-level field name (`email`, `password`…). */
  readonly fieldErrors: FieldErrors;
  readonly retryAfterSeconds: number | undefined;
  /**
   * The whole problem body, members beyond RFC 9457 included: a 409 SEATS_UNAVAILABLE names the
   * `seatIds` just taken, ORDER_EXISTS the `orderId`, QUEUE_NOT_OPEN the `opensAt`.
   */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(problem: Problem, retryAfterSeconds?: number, extra: Record<string, unknown> = {}) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail ?? problem.title;
    this.requestId = problem.requestId;
    this.retryAfterSeconds = retryAfterSeconds;
    this.extra = extra;
    const fields: FieldErrors = {};
    for (const e of problem.errors ?? []) {
      const key = e.path.split('.')[0] ?? e.path;
      fields[key] ??= e.message;
    }
    this.fieldErrors = fields;
  }
}

export const isApiError = (err: unknown, status?: number): err is ApiError =>
  err instanceof ApiError && (status === undefined || err.status === status);

/** True for an ApiError with this problem `code` (or any of these codes). */
export const hasCode = (err: unknown, ...codes: string[]): err is ApiError =>
  err instanceof ApiError && codes.includes(err.code);

/** A string member of the problem body (`orderId`, `opensAt`…), or undefined. */
export function problemText(err: unknown, member: string): string | undefined {
  const value = err instanceof ApiError ? err.extra[member] : undefined;
  return typeof value === 'string' ? value : undefined;
}

type RequestOptions<T> = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Extra request headers: Idempotency-Key, the waiting room's access token. */
  headers?: Record<string, string>;
  /** Validates the response against the shared contract, so drift fails loudly here, not in a view. */
  schema?: { parse(data: unknown): T };
  signal?: AbortSignal;
};

export async function api<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const { method = 'GET', body, headers, schema, signal } = options;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'include',
      headers: {
        accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      code: 'NETWORK',
      detail: 'Could not reach the server. Check your connection and try again.',
    });
  }

  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json();
  return schema ? schema.parse(data) : (data as T);
}

async function toApiError(res: Response): Promise<ApiError> {
  const retryAfter = Number(res.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  const data: unknown = await res.json().catch(() => null);
  const parsed = Problem.safeParse(data);
  if (parsed.success) return new ApiError(parsed.data, retryAfterSeconds, data as Record<string, unknown>);
  // Not problem+json: a proxy or gateway answered (dev server up, API down), or something crashed.
  return new ApiError(
    {
      type: 'about:blank',
      title: res.statusText || 'Request failed',
      status: res.status,
      code: res.status >= 500 ? 'UNAVAILABLE' : 'HTTP_ERROR',
      detail:
        res.status >= 500
          ? 'The service is not answering right now. Try again in a moment.'
          : `The request failed (${res.status}).`,
    },
    retryAfterSeconds,
  );
}

/** A sentence a person can act on, for the error banner of a form or page. */
export function describeError(err: unknown): string {
  if (!(err instanceof ApiError)) return 'Something went wrong. Try again.';
  if (err.code === 'RATE_LIMITED') {
    const s = err.retryAfterSeconds;
    if (!s) return 'Too many attempts. Wait a moment and try again.';
    const wait = s < 90 ? `${Math.ceil(s)} seconds` : `${Math.ceil(s / 60)} minutes`;
    return `Too many attempts. Try again in ${wait}.`;
  }
  return err.detail;
}
