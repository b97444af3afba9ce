import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends } from '../../../test/databases.ts';
import { publishedSession } from '../../../test/fixtures.ts';
import { queryRows } from '../../db/client.ts';
import { DEFAULT_DELIVERY_POLICY, DELIVERY_QUEUE } from './delivery.ts';
import type { Ticketing } from './index.ts';
import { buyTickets, MAIL_FROM, type TicketsTestApp, ticketsTestApp, until } from './testing/harness.ts';
import { decodeQr, pdfToPngs, requirePdftoppm } from './testing/pdf-qr.ts';
import { addressesOf, smtpSink } from './testing/smtp-sink.ts';
import { verifyTicket } from './token.ts';

const backends = await databaseBackends();
const canRender = requirePdftoppm();

type Sink = Awaited<ReturnType<typeof smtpSink>>;

describe.each(backends)('ticket email delivery on $name', (backend) => {
  let ctx: TicketsTestApp;
  let sink: Sink;
  let sessionId: string;
  /** Delivery runs in a separate "process" (its own pg-boss and workers on the same database). */
  let worker: Ticketing;

  const deliveries = (orderId: string) =>
    queryRows<{
      status: string;
      attempts: number;
      last_error: string | null;
      sent_at: Date | null;
      reason: string;
    }>(
      ctx.database.db,
      sql`select status, attempts, last_error, sent_at, reason from ticket_deliveries where order_id = ${orderId} order by created_at`,
    );
  const emailOf = async (cookie: string) =>
    (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json().user
      .email as string;

  beforeAll(async () => {
    sink = await smtpSink();
    // Immediate retries, to keep the file fast; the production policy (backoff) is checked below.
    ctx = await ticketsTestApp(await backend.open(), {
      smtpUrl: sink.url,
      delivery: { retryBackoff: false, retryDelaySeconds: 0 },
      workers: false,
    });
    worker = await ctx.anotherProcess();
    sessionId = (await publishedSession(ctx.app)).sessionId;
  });
  afterAll(async () => {
    await ctx?.close();
    await sink?.close();
  });

  it('emails the paid order: summary, PDF and calendar entry; the QR in the PDF checks in once', async () => {
    const ann = await ctx.signIn();
    const order = await buyTickets(ctx, ann, sessionId, { seatIds: ['r0-s0', 'r0-s1'] });
    const to = await emailOf(ann.cookie);
    const [mail] = await sink.waitFor(to);
    expect(addressesOf(mail!)).toEqual([to]);
    expect(mail!.from?.text).toContain('tickets@tickets.test');
    expect(MAIL_FROM).toContain('tickets@tickets.test');
    expect(mail!.subject).toMatch(/^Your tickets: Fixture Night, /);
    expect(mail!.text).toContain('Fixture Hall, 1 Test Street, Testville');
    expect(mail!.text).toMatch(/Total: €40\.00 {2}\(2 tickets\)/);
    expect(mail!.html).toContain('<h1');
    expect(mail!.html).toContain('Fixture Night');

    const names = mail!.attachments.map((a) => a.filename);
    expect(names).toEqual([expect.stringMatching(/^tickets-[0-9A-F]{8}\.pdf$/), 'event.ics']);
    const ics = mail!.attachments[1]!;
    expect(ics.contentType).toBe('text/calendar');
    const icsText = ics.content.toString('utf8');
    expect(icsText).toContain('BEGIN:VEVENT');
    expect(icsText).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
    expect(icsText).toContain(`UID:order-${order.id}@tickets.test`);

    // The relay has the mail a moment before the worker records it.
    const rows = await until(async () => {
      const r = await deliveries(order.id);
      return r[0]?.status === 'sent' && r;
    });
    expect(rows).toMatchObject([{ reason: 'paid', status: 'sent', attempts: 1 }]);

    if (!canRender) return;
    const pdf = mail!.attachments[0]!.content;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // 80 dpi: what a person looked at, and a low resolution for the decoder (a phone at a distance).
    const pages = pdfToPngs(pdf, 80);
    expect(pages).toHaveLength(2);
    const previewPath = path.join(os.tmpdir(), `ticketing-ticket-${backend.name}.png`);
    fs.writeFileSync(previewPath, pages[0]!);
    console.info(`rendered ticket: ${previewPath}`);
    const codes = pages.map(decodeQr);
    expect(codes.every((c) => typeof c === 'string')).toBe(true);

    const keyRes = await ctx.http.inject({ method: 'GET', url: '/api/tickets/public-key' });
    const publicKey = createPublicKey(keyRes.json().publicKeyPem);
    const ids = codes.map((code) => {
      const v = verifyTicket(publicKey, code!);
      expect(v.ok).toBe(true);
      return v.ok ? v.claims.ticketId : '';
    });
    expect([...ids].sort()).toEqual(order.tickets.map((t) => t.id).sort());

    const door = ctx.tickets(await ctx.signIn('staff'));
    const first = await door.post('/api/checkin', { code: codes[0], sessionId });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ result: 'admitted', ticket: { id: ids[0], status: 'used' } });
    const second = await door.post('/api/checkin', { code: codes[0], sessionId });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json()).toMatchObject({ code: 'TICKET_ALREADY_USED', reason: 'used' });
    expect(second.json().detail).toMatch(/already used at \d\d:\d\d on /);
  });

  it('retries when the SMTP server refuses, and the ticket still arrives exactly once', async () => {
    const ben = await ctx.signIn();
    const to = await emailOf(ben.cookie);
    const before = sink.attempts();
    sink.refuseNext(2);
    const order = await buyTickets(ctx, ben, sessionId, { seatIds: ['r1-s0'] });
    await sink.waitFor(to);
    expect(sink.attempts() - before).toBe(3);
    const [row] = await until(async () => {
      const r = await deliveries(order.id);
      return r[0]?.status === 'sent' && r;
    });
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(row!.last_error).toMatch(/451/);
    await new Promise((r) => setTimeout(r, 500));
    expect(await sink.waitFor(to)).toHaveLength(1);
  });

  it('retries with exponential backoff in production: 12 retries from 1 s, about 1 to 2 hours', async () => {
    expect(DEFAULT_DELIVERY_POLICY).toMatchObject({
      retryLimit: 12,
      retryDelaySeconds: 1,
      retryBackoff: true,
    });
    const [queue] = await queryRows<{ retry_backoff: boolean; retry_limit: number }>(
      ctx.database.db,
      sql`select retry_backoff, retry_limit from pgboss.queue where name = ${DELIVERY_QUEUE}`,
    );
    expect(queue).toEqual({ retry_backoff: false, retry_limit: 12 });
  });

  it('never mails an order twice after a success, whatever runs again', async () => {
    const cy = await ctx.signIn();
    const to = await emailOf(cy.cookie);
    const order = await buyTickets(ctx, cy, sessionId, { seatIds: ['r1-s5'] });
    await sink.waitFor(to);
    const [{ id } = { id: '' }] = await until(() =>
      queryRows<{ id: string }>(
        ctx.database.db,
        sql`select id from ticket_deliveries where order_id = ${order.id} and status = 'sent'`,
      ).then((r) => r.length > 0 && r),
    );
    // The paying code running again finds the delivery; a duplicate job and a direct attempt find it sent.
    await ctx.database.db.transaction((tx) => ctx.ticketing.enqueueInTransaction(tx, order.id));
    await ctx.ticketing.jobs.send(DELIVERY_QUEUE, { deliveryId: id });
    expect(
      await worker.delivery.attempt({ id: 'manual', data: { deliveryId: id }, retryCount: 0, retryLimit: 0 }),
    ).toEqual({
      skipped: 'sent',
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await sink.waitFor(to)).toHaveLength(1);
    expect(await deliveries(order.id)).toHaveLength(1);
  });

  it('keeps the job when the payment commits while no worker runs; a restarted one delivers it', async () => {
    await worker.stop();
    const di = await ctx.signIn();
    const to = await emailOf(di.cookie);
    const order = await buyTickets(ctx, di, sessionId, { seatIds: ['r2-s0'] });
    const jobs = await queryRows<{ state: string }>(
      ctx.database.db,
      sql`select state::text from pgboss.job where name = ${DELIVERY_QUEUE} and data->>'deliveryId' in
            (select id::text from ticket_deliveries where order_id = ${order.id})`,
    );
    expect(jobs).toEqual([{ state: 'created' }]);
    worker = await ctx.anotherProcess();
    await sink.waitFor(to);
  });

  it('rolls the job back with a payment transaction that fails', async () => {
    const ed = await ctx.signIn();
    const order = await buyTickets(ctx, ed, sessionId, { seatIds: ['r2-s5'] });
    await ctx.database.db.execute(
      sql`delete from ticket_deliveries where order_id = ${order.id} and status <> 'sent'`,
    );
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          ctx.database.db,
          sql`select count(*)::int as n from ticket_deliveries where order_id = ${order.id} and reason = 'paid'`,
        )
      )[0]!.n;
    const had = await count();
    await ctx.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`delete from ticket_deliveries where order_id = ${order.id}`);
        await ctx.ticketing.enqueueInTransaction(tx, order.id);
        throw new Error('payment failed later in the transaction');
      })
      .catch(() => {});
    expect(await count()).toBe(had);
  });

  it('re-sends on request (the one case that mails again), only to the owner of a paid order', async () => {
    const fay = await ctx.signIn();
    const to = await emailOf(fay.cookie);
    const order = await buyTickets(ctx, fay, sessionId, { seatIds: ['r3-s0', 'r3-s1'] });
    await sink.waitFor(to);
    const mine = ctx.tickets(fay);
    const res = await mine.post(`/api/orders/${order.id}/resend`, {});
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ reason: 'resend', orderId: order.id });
    const [, again] = await sink.waitFor(to, 2);
    expect(again!.text).toContain('As you asked');
    await until(async () => (await deliveries(order.id)).every((d) => d.status === 'sent'));
    const listed = (await mine.get(`/api/orders/${order.id}/deliveries`)).json().items;
    expect(listed.map((d: { reason: string; status: string }) => `${d.reason}:${d.status}`)).toEqual([
      'resend:sent',
      'paid:sent',
    ]);
    const stranger = ctx.tickets(await ctx.signIn());
    expect((await stranger.post(`/api/orders/${order.id}/resend`, {})).statusCode).toBe(404);
    expect((await mine.post(`/api/orders/${order.id}/resend`, { extra: 1 })).statusCode).toBe(400);
  });
});
