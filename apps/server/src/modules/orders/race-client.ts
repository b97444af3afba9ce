/**
 * One simulated buyer for the race test: a tiny cookie-keeping HTTP client that plays random
 * hold / pay / decline / release / cancel turns against whichever server process it was given.
 */
export type RaceStats = Record<string, number>;

export function raceClient(baseUrl: string, ip: string) {
  let cookie = '';
  const headers = (body: boolean, extra: Record<string, string> = {}) => ({
    ...(body ? { 'content-type': 'application/json' } : {}),
    'x-forwarded-for': ip,
    ...(cookie ? { cookie } : {}),
    ...extra,
  });
  async function call(method: string, path: string, body?: unknown, extra?: Record<string, string>) {
    const res = await fetch(baseUrl + path, {
      method,
      headers: headers(body !== undefined, extra),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie?.startsWith('sid=')) cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }
  return {
    call,
    /** The session cookie, to make the same user's requests through another process. */
    cookie: () => cookie,
    async signUp(email: string) {
      const r = await call('POST', '/api/auth/signup', {
        email,
        password: 'race condition proof',
        name: 'Racer',
      });
      if (r.status !== 201) throw new Error(`signup failed: ${r.status} ${JSON.stringify(r.json)}`);
    },
  };
}

export function pick<T>(items: T[], n: number, random: () => number): T[] {
  const copy = [...items];
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]!);
  return out;
}
