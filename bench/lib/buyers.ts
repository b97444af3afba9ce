import { randomUUID } from 'node:crypto';
import { request } from './http-client.ts';

/** A signed-up bench buyer; each arrives from its own address (the server trusts X-Forwarded-For). */
export type Buyer = { cookie: string; ip: string; email: string };

export async function signUp(base: string, i: number, subnet = 90): Promise<Buyer> {
  const ip = `10.${subnet}.${i >> 8}.${i & 255}`;
  const email = `bench${subnet}-${i}-${randomUUID()}@example.com`;
  const res = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ email, password: 'bench password ok', name: `Bench ${i}` }),
  });
  if (res.status !== 201) throw new Error(`signup ${res.status}: ${await res.text()}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, ip, email };
}

/** One API call as that buyer (lean keep-alive client, see http-client.ts); the JSON answer parsed. */
export async function call(
  base: string,
  c: Buyer,
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
) {
  const res = await request(
    base + path,
    method,
    {
      cookie: c.cookie,
      'x-forwarded-for': c.ip,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...extra,
    },
    body ? JSON.stringify(body) : undefined,
  );
  return { status: res.status, json: res.text ? JSON.parse(res.text) : null };
}

/** n different seats picked at random (a seat listed twice is a 400 over HTTP, not a hold). */
export function randomSeats(all: string[], n: number) {
  const picked = new Set<string>();
  while (picked.size < Math.min(n, all.length)) picked.add(all[Math.floor(Math.random() * all.length)]!);
  return [...picked];
}
