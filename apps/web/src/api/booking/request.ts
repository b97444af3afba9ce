import { Problem } from '@ticketing/contracts';
import { ApiError } from '../client.ts';

/**
 * An ApiError that keeps the problem's extra members: a 409 SEATS_UNAVAILABLE names the `seatIds`
 * that were just taken, ORDER_EXISTS the `orderId`. The shared client drops them.
 */
export class BookingApiError extends ApiError {
  readonly extra: Record<string, unknown>;
  constructor(problem: Problem, extra: Record<string, unknown>) {
    super(problem);
    this.extra = extra;
  }
  get seatIds(): string[] {
    const ids = this.extra.seatIds;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  }
}

type Options<T> = {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  schema?: { parse(data: unknown): T };
  signal?: AbortSignal;
};

/** Like `api()`, plus request headers (Idempotency-Key) and the problem's extra members. */
export async function bookingRequest<T = void>(path: string, options: Options<T> = {}): Promise<T> {
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
    throw new BookingApiError(
      {
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        code: 'NETWORK',
        detail: 'Could not reach the server. Check your connection and try again.',
      },
      {},
    );
  }
  if (!res.ok) {
    const data: unknown = await res.json().catch(() => null);
    const parsed = Problem.safeParse(data);
    const problem: Problem = parsed.success
      ? parsed.data
      : {
          type: 'about:blank',
          title: res.statusText || 'Request failed',
          status: res.status,
          code: res.status >= 500 ? 'UNAVAILABLE' : 'HTTP_ERROR',
          detail:
            res.status >= 500
              ? 'The service is not answering right now. Try again in a moment.'
              : `The request failed (${res.status}).`,
        };
    throw new BookingApiError(
      problem,
      data && typeof data === 'object' ? (data as Record<string, unknown>) : {},
    );
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json();
  return schema ? schema.parse(data) : (data as T);
}

export const isBookingError = (err: unknown, code?: string): err is BookingApiError =>
  err instanceof BookingApiError && (code === undefined || err.code === code);

/** A v4 UUID; crypto.randomUUID exists only in secure contexts (HTTPS or localhost). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
