import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../test/actors.ts';
import { databaseBackends } from '../../../test/databases.ts';
import { publishedSession } from '../../../test/fixtures.ts';
import { queryRows } from '../../db/client.ts';
import { buyTickets, type TicketsTestApp, ticketsTestApp, until } from './testing/harness.ts';
import { signTicket } from './token.ts';

const backends = await databaseBackends();

describe.each(backends)('tickets in the account and at the door on $name', (backend) => {
  let ctx: TicketsTestApp;
  let sessionId: string;
  let otherSessionId: string;
  let door: Actor;

  const flip = (code: string, at: number) =>
    code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);

  beforeAll(async () => {
    // No SMTP_URL: the embedded default's local outbox, shown by the dev mailbox.
    ctx = await ticketsTestApp(await backend.open());
    sessionId = (await publishedSession(ctx.app)).sessionId;
    otherSessionId = (await publishedSession(ctx.app, { kind: 'ga-svg' })).sessionId;
    door = ctx.tickets(await ctx.signIn('staff'));
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('lists my upcoming and past tickets with event, session and venue', async () => {
    const ann = await ctx.signIn();
    const seated = await buyTickets(ctx, ann, sessionId, { seatIds: ['r0-s0', 'r0-s1'] });
    const standing = await buyTickets(ctx, ann, otherSessionId, { gaAreaId: 'pit', quantity: 1 });
    const mine = ctx.tickets(ann);
    const list = await mine.get('/api/me/tickets');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.headers['cache-control']).toBe('private, no-store');
    const { upcoming, past } = list.json();
    expect(past).toEqual([]);
    expect(upcoming).toHaveLength(3);
    const seat = upcoming.find((t: { id: string }) => t.id === seated.tickets[0]!.id);
    expect(seat).toMatchObject({
      status: 'active',
      place: { row: 'A', seat: expect.any(String) },
      area: null,
      categoryLabel: 'Stalls',
      priceCents: 2000,
      currency: 'EUR',
      event: { title: 'Fixture Night', typeLabel: expect.any(String) },
      venue: { name: 'Fixture Hall', city: 'Testville', timezone: 'Europe/Paris' },
    });
    const ga = upcoming.find((t: { orderId: string }) => t.orderId === standing.id);
    expect(ga).toMatchObject({ place: null, area: 'Standing pit', categoryLabel: 'Standing' });

    // The session ends: its tickets move to "past".
    await ctx.database.db.execute(sql`
      update sessions set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour',
        sales_open_at = now() - interval '5 hours', sales_close_at = now() - interval '3 hours'
      where id = ${otherSessionId}`);
    const after = (await mine.get('/api/me/tickets')).json();
    expect(after.upcoming).toHaveLength(2);
    expect(after.past.map((t: { orderId: string }) => t.orderId)).toEqual([standing.id]);
    await ctx.database.db.execute(sql`
      update sessions set starts_at = now() + interval '72 hours', ends_at = now() + interval '74 hours',
        sales_open_at = now() - interval '1 hour', sales_close_at = now() + interval '72 hours'
      where id = ${otherSessionId}`);
  });

  it('shows one ticket with its code and serves its PDF to the owner only', async () => {
    const ben = await ctx.signIn();
    const order = await buyTickets(ctx, ben, sessionId, { seatIds: ['r1-s0'] });
    const id = order.tickets[0]!.id;
    const mine = ctx.tickets(ben);
    const one = await mine.get(`/api/tickets/${id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().code).toMatch(/^[A-Za-z0-9_-]{130,}$/);
    const pdf = await mine.get(`/api/tickets/${id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="ticket-[0-9A-F]{8}-/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const stranger = ctx.tickets(await ctx.signIn());
    expect((await stranger.get(`/api/tickets/${id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/tickets/${id}/pdf`)).statusCode).toBe(404);
    expect((await ctx.http.inject({ method: 'GET', url: `/api/tickets/${id}` })).statusCode).toBe(401);
    expect((await mine.get('/api/tickets/not-a-uuid')).statusCode).toBe(400);
  });

  it('serves the public key for offline verification, cacheable', async () => {
    const res = await ctx.http.inject({ method: 'GET', url: '/api/tickets/public-key' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const body = res.json();
    expect(body).toMatchObject({ algorithm: 'Ed25519', jwk: { kty: 'OKP', crv: 'Ed25519' } });
    expect(body.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(res.headers.etag).toBe(`"${body.keyId}"`);
  });

  it('refuses forged, altered, truncated and malformed codes, saying why', async () => {
    const cy = await ctx.signIn();
    const order = await buyTickets(ctx, cy, sessionId, { seatIds: ['r1-s5'] });
    const code = (await ctx.tickets(cy).get(`/api/tickets/${order.tickets[0]!.id}`)).json().code as string;
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const forged = signTicket(stranger, {
      ticketId: order.tickets[0]!.id,
      sessionId,
      label: order.tickets[0]!.label,
      issuedAt: new Date(),
    });
    const cases: [string, number, string, string][] = [
      [forged, 422, 'TICKET_CODE_FORGED', 'forged'],
      [flip(code, 30), 422, 'TICKET_CODE_FORGED', 'forged'],
      [flip(code, code.length - 10), 422, 'TICKET_CODE_FORGED', 'forged'],
      [code.slice(0, -12), 400, 'TICKET_CODE_MALFORMED', 'truncated'],
      [code.slice(0, 40), 400, 'TICKET_CODE_MALFORMED', 'truncated'],
      ['https://example.com/not-a-ticket', 400, 'TICKET_CODE_MALFORMED', 'malformed'],
    ];
    for (const [text, status, problemCode, reason] of cases) {
      const res = await door.post('/api/checkin', { code: text });
      expect(res.statusCode, `${reason}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: problemCode, reason });
    }
    // None of that touched the ticket: the real code still admits.
    expect((await door.post('/api/checkin', { code })).statusCode).toBe(200);
  });

  it('refuses an unknown, a cancelled and a wrong-session ticket', async () => {
    const dee = await ctx.signIn();
    const order = await buyTickets(ctx, dee, sessionId, { seatIds: ['r2-s0', 'r2-s1'] });
    const mine = ctx.tickets(dee);
    const [a, b] = order.tickets.map((t) => t.id);
    const codeOf = async (id: string) => (await mine.get(`/api/tickets/${id}`)).json().code as string;
    const codeA = await codeOf(a!);
    const codeB = await codeOf(b!);

    const wrong = await door.post('/api/checkin', { code: codeA, sessionId: otherSessionId });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({ code: 'TICKET_WRONG_SESSION', ticketSessionId: sessionId });

    const cancelled = await dee.post(`/api/orders/${order.id}/cancel`, { ticketIds: [b] });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const refused = await door.post('/api/checkin', { code: codeB });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'TICKET_CANCELLED', reason: 'cancelled' });
    expect((await mine.get(`/api/tickets/${b}`)).json().code).toBeNull();
    expect((await mine.get(`/api/tickets/${b}/pdf`)).statusCode).toBe(409);

    const { privateKey } = ctx.ticketing.keys;
    const ghost = signTicket(privateKey, {
      ticketId: randomUUID(),
      sessionId,
      label: 'X',
      issuedAt: new Date(),
    });
    const unknown = await door.post('/api/checkin', { code: ghost });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('TICKET_UNKNOWN');

    expect((await door.post('/api/checkin', { code: codeA, sessionId })).statusCode).toBe(200);
  });

  it('admits a ticket scanned at several doors at once exactly once', async () => {
    const eve = await ctx.signIn();
    const order = await buyTickets(ctx, eve, sessionId, { seatIds: ['r3-s0'] });
    const id = order.tickets[0]!.id;
    const code = (await ctx.tickets(eve).get(`/api/tickets/${id}`)).json().code as string;
    const doors = await Promise.all([ctx.signIn('staff'), ctx.signIn('admin')]);
    const scans = await Promise.all(
      Array.from({ length: 12 }, (_, i) => ctx.tickets(doors[i % 2]!).post('/api/checkin', { code })),
    );
    const statuses = scans.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, ...Array(11).fill(409)]);
    for (const r of scans.filter((s) => s.statusCode === 409))
      expect(r.json().code).toBe('TICKET_ALREADY_USED');
    const log = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from ticket_checkins where ticket_id = ${id}`,
    );
    expect(log[0]!.n).toBe(1);
    // A used ticket cannot be cancelled for a refund afterwards (the orders module's rule).
    expect((await eve.post(`/api/orders/${order.id}/cancel`, { ticketIds: [id] })).json().code).toBe(
      'TICKET_USED',
    );
  });

  it('lets only staff and admins check in, with a strict body', async () => {
    const buyer = ctx.tickets(await ctx.signIn());
    expect((await buyer.post('/api/checkin', { code: 'x' })).statusCode).toBe(403);
    const anonymous = await ctx.http.inject({ method: 'POST', url: '/api/checkin', payload: { code: 'x' } });
    expect(anonymous.statusCode).toBe(401);
    const extra = await door.post('/api/checkin', { code: 'x', gate: 3 });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('VALIDATION');
    expect((await door.post('/api/checkin', { code: '' })).statusCode).toBe(400);
  });

  it('keeps sent mail in the local outbox, readable in the dev mailbox', async () => {
    const fay = await ctx.signIn();
    const order = await buyTickets(ctx, fay, sessionId, { seatIds: ['r4-s0'] });
    const email = (await fay.get('/api/me')).json().user.email as string;
    const list = await until(async () => {
      const res = await ctx.http.inject({
        method: 'GET',
        url: `/api/dev/mailbox?to=${encodeURIComponent(email)}`,
      });
      return res.json().items.length > 0 && res.json().items;
    });
    expect(list[0]).toMatchObject({ to: email, attachments: [expect.stringMatching(/\.pdf$/), 'event.ics'] });
    const message = (await ctx.http.inject({ method: 'GET', url: `/api/dev/mailbox/${list[0].id}` })).json();
    expect(message.html).toContain('Fixture Night');
    expect(message.text).toContain(order.tickets[0]!.label);
    expect(message.attachments.map((a: { contentType: string }) => a.contentType)).toEqual([
      'application/pdf',
      expect.stringMatching(/^text\/calendar/),
    ]);
    const pdf = await ctx.http.inject({
      method: 'GET',
      url: `/api/dev/mailbox/${list[0].id}/attachments/${encodeURIComponent(list[0].attachments[0])}`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = await ctx.http.inject({ method: 'GET', url: `/api/dev/mailbox/${list[0].id}/raw` });
    expect(raw.body).toContain('Content-Type: multipart/mixed');
    const missing = await ctx.http.inject({
      method: 'GET',
      url: `/api/dev/mailbox/${list[0].id}/attachments/..%2Fx`,
    });
    expect(missing.statusCode).toBe(404);
    expect((await ctx.http.inject({ method: 'GET', url: '/api/dev/mailbox/../../etc' })).statusCode).toBe(
      404,
    );
  });
});
