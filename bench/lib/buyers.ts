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

/**
 * A buyer's checkout up to the payment: hold 2 random seats, order them, pay with the test card.
 * The order's id once the PSP took the payment (its webhook may still be on the way), or null
 * when a step was refused. `lap` is told when each step is done.
 */
export async function holdOrderPay(
  url: string,
  c: Buyer,
  sessionId: string,
  seatIds: string[],
  lap: (step: 'hold' | 'order' | 'pay') => void = () => {},
): Promise<string | null> {
  const hold = await call(url, c, 'POST', `/api/sessions/${sessionId}/holds`, {
    seatIds: randomSeats(seatIds, 2),
  });
  if (hold.status !== 201) return null;
  lap('hold');
  const order = await call(
    url,
    c,
    'POST',
    '/api/orders',
    { holdId: hold.json.holdId },
    { 'idempotency-key': randomUUID() },
  );
  if (order.status !== 201) return null;
  lap('order');
  const paid = await call(url, c, 'POST', `/api/testpay/payments/${order.json.payment.id}/confirm`, {
    cardNumber: '4242424242424242',
  });
  if (paid.json?.status !== 'succeeded') return null;
  lap('pay');
  return order.json.id as string;
}
