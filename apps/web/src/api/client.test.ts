import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, describeError, hasCode, problemText } from './client.ts';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(status === 204 ? null : text, { status, headers })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('turns problem+json into an ApiError with field errors keyed by top-level field', async () => {
    answer(400, {
      type: 'https://ticketing.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      code: 'VALIDATION',
      detail: 'Invalid body: password: too short',
      requestId: 'req-1',
      errors: [
        { path: 'password', message: 'Password must be at least 10 characters' },
        { path: 'password', message: 'second message is ignored' },
        { path: 'address.city', message: 'City is required' },
      ],
    });
    const err = await api('/api/auth/signup', { method: 'POST', body: {} }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION', requestId: 'req-1' });
    expect(err.fieldErrors).toEqual({
      password: 'Password must be at least 10 characters',
      address: 'City is required',
    });
  });

  it('reads Retry-After on a 429 and says how long to wait', async () => {
    answer(
      429,
      {
        type: 'x',
        title: 'Too many requests',
        status: 429,
        code: 'RATE_LIMITED',
        detail: 'Too many attempts.',
      },
      { 'retry-after': '120' },
    );
    const err = await api('/api/auth/login', { method: 'POST', body: {} }).catch((e) => e);
    expect(err.retryAfterSeconds).toBe(120);
    expect(describeError(err)).toBe('Too many attempts. Try again in 2 minutes.');
  });

  it('reports a gateway page that is not problem+json as the service being unavailable', async () => {
    answer(502, '<html>Bad Gateway</html>');
    const err = await api('/api/me').catch((e) => e);
    expect(err).toMatchObject({ status: 502, code: 'UNAVAILABLE' });
  });

  it('reports a failed connection as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    const err = await api('/api/me').catch((e) => e);
    expect(err).toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('returns undefined for 204 and validates bodies against the given schema', async () => {
    answer(204, '');
    await expect(api('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
    answer(200, { user: 'not a user' });
    const schema = {
      parse: (d: unknown) => {
        if (typeof (d as { user: unknown }).user !== 'object') throw new Error('contract drift');
        return d;
      },
    };
    await expect(api('/api/me', { schema })).rejects.toThrow('contract drift');
  });

  it('sends extra request headers beside its own', async () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await api('/api/sessions/s/holds', { method: 'POST', body: {}, headers: { 'x-queue-access': 'acc-1' } });
    const headers = fetch.mock.calls[0]![1].headers as Record<string, string>;
    expect(headers).toMatchObject({ 'x-queue-access': 'acc-1', 'content-type': 'application/json' });
  });

  it('keeps the problem members beyond RFC 9457, for the code that knows them', async () => {
    answer(409, {
      type: 'x',
      title: 'Seats taken',
      status: 409,
      code: 'SEATS_UNAVAILABLE',
      seatIds: ['a-1', 'a-2'],
      opensAt: '2026-12-01T10:00:00Z',
    });
    const err = await api('/api/sessions/s/holds', { method: 'POST', body: {} }).catch((e) => e);
    expect(err.extra.seatIds).toEqual(['a-1', 'a-2']);
    expect(problemText(err, 'opensAt')).toBe('2026-12-01T10:00:00Z');
    expect(problemText(err, 'seatIds')).toBeUndefined();
    expect(hasCode(err, 'HOLD_EXPIRED', 'SEATS_UNAVAILABLE')).toBe(true);
    expect(hasCode(err, 'HOLD_EXPIRED')).toBe(false);
    expect(hasCode(new Error('SEATS_UNAVAILABLE'), 'SEATS_UNAVAILABLE')).toBe(false);
  });
});
