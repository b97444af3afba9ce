import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { venueAddress } from '../apps/server/src/modules/tickets/document.ts';
import { composeTicketEmail } from '../apps/server/src/modules/tickets/email.ts';
import { buildIcs } from '../apps/server/src/modules/tickets/ics.ts';
import { ticketKeysFrom } from '../apps/server/src/modules/tickets/keys.ts';
import { renderTicketsPdf } from '../apps/server/src/modules/tickets/pdf.ts';
import { sampleOrder } from '../apps/server/src/modules/tickets/testing/sample-order.ts';
import { call, signUp } from './lib/buyers.ts';
import { machineLine } from './lib/machine.ts';
import { createBenchDatabase } from './lib/pg.ts';
import { startPlatform } from './lib/processes.ts';
import { createStadiumSession } from './lib/stadium-session.ts';
import { summarize } from './lib/stats.ts';

/**
 * Issue 5 bench: (1) PDF + QR (and the whole email: ICS + MIME) rendered in-process through the
 * module's own functions, 1,000 tickets; (2) end to end against the real server with SMTP_URL
 * pointing at a real SMTP server: buyers pay for 1,000 tickets (500 orders of 2) while the
 * confirm request's latency is measured, compared with a quiet phase in the same run, and the
 * time until the SMTP server has accepted every email.
 */
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1000);
const PER_ORDER = 2;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const QUIET_ORDERS = Number(process.env.BENCH_QUIET_ORDERS ?? 64);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PUBLIC_URL = 'https://tickets.bench.example';

/**
 * A real SMTP server (smtp-server, random port, no TLS, no auth) that only notes when each message
 * arrived and which order it carries (the PDF's file name), without parsing MIME: the load
 * generator shares the machine with the server and should spend as little CPU as possible.
 */
async function timingSink() {
  const arrivals = new Map<string, number>();
  let messages = 0;
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 0,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        const at = performance.now();
        messages++;
        bytes += raw.length;
        const m = /tickets-([0-9A-F]{8})\.pdf/.exec(raw);
        if (m && !arrivals.has(m[1]!)) arrivals.set(m[1]!, at);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    arrivals,
    messages: () => messages,
    bytes: () => bytes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const orderNumberOf = (orderId: string) => orderId.replaceAll('-', '').slice(0, 8).toUpperCase();
const round = (n: number) => Math.round(n * 10) / 10;

/** (1) In-process: the module's own render functions, no HTTP, no database. */
async function microbench() {
  const { privateKey } = generateKeyPairSync('ed25519');
  const keys = ticketKeysFrom(privateKey);
  const transport = nodemailer.createTransport(
    { streamTransport: true, buffer: true },
    { from: 'b@example.test' },
  );
  const base = sampleOrder(keys.privateKey);
  // Warm-up: fonts, QR tables, JIT.
  for (let i = 0; i < 20; i++) await renderTicketsPdf(base, { publicUrl: PUBLIC_URL });

  // PDF + QR, one ticket per document (a fresh signed code each time).
  const pdfSamples: number[] = [];
  let pdfBytes = 0;
  let t0 = performance.now();
  for (let i = 0; i < TICKETS; i++) {
    const doc = sampleOrder(keys.privateKey);
    doc.tickets = [doc.tickets[i % 2]!];
    const s = performance.now();
    pdfBytes += (await renderTicketsPdf(doc, { publicUrl: PUBLIC_URL })).length;
    pdfSamples.push(performance.now() - s);
  }
  const pdf = summarize(pdfSamples, (performance.now() - t0) / 1000);

  // The whole message a worker builds per order of 2: PDF + QR ×2, ICS, HTML/text, MIME encoding.
  const mailSamples: number[] = [];
  let mailBytes = 0;
  t0 = performance.now();
  for (let i = 0; i < TICKETS / PER_ORDER; i++) {
    const doc = sampleOrder(keys.privateKey);
    const s = performance.now();
    const pdfBuf = await renderTicketsPdf(doc, { publicUrl: PUBLIC_URL });
    const ics = buildIcs({
      uid: `order-${doc.orderId}@bench`,
      start: doc.session.startsAt,
      end: doc.session.endsAt,
      summary: doc.event.title,
      location: `${doc.venue.name}, ${venueAddress(doc.venue)}`,
      description: doc.tickets.map((t) => t.label).join('\n'),
      url: `${PUBLIC_URL}/tickets`,
    });
    const message = composeTicketEmail(doc, { pdf: pdfBuf, ics, publicUrl: PUBLIC_URL, resend: false });
    const info = await transport.sendMail(message);
    mailBytes += (info.message as Buffer).length;
    mailSamples.push(performance.now() - s);
  }
  const mailSeconds = (performance.now() - t0) / 1000;
  const mail = summarize(mailSamples, mailSeconds);
  transport.close();
  return {
    pdf,
    pdfKiB: round(pdfBytes / TICKETS / 1024),
    mail,
    mailTicketsPerSecond: Math.round((mailSamples.length * PER_ORDER) / mailSeconds),
    mailKiB: round(mailBytes / mailSamples.length / 1024),
  };
}

export async function ticketsBench() {
  console.log('in-process render…');
  const micro = await microbench();
  console.log(
    `  PDF+QR ${micro.pdf.perSecond}/s p99 ${micro.pdf.p99} ms; whole email ${micro.mail.perSecond}/s`,
  );

  const db = await createBenchDatabase('tk_bench_tickets');
  const sink = await timingSink();
  const { sessionId, seatIds } = await createStadiumSession(db.url);
  const signingKey = generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'der', type: 'pkcs8' })
    .toString('base64');
  const platform = await startPlatform({
    DATABASE_URL: db.url,
    REDIS_URL,
    REDIS_KEY_PREFIX: `tk-bench-${Date.now()}:`,
    TRUST_PROXY: 'true',
    SEED_DEMO: 'false',
    DB_POOL_MAX: '20',
    SMTP_URL: sink.url,
    PUBLIC_URL,
    TICKET_SIGNING_KEY: signingKey,
  });
  const lines: string[] = [];
  try {
    const clients = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => signUp(platform.url, i, 91)));
    // Distinct seats for every order, spread over the bowl, so no hold is refused for a taken seat.
    const seats = [...seatIds].sort(() => Math.random() - 0.5);
    let nextSeat = 0;
    let paidOrders = 0;
    const confirmedAt = new Map<string, number>();
    let failures = 0;
    const failed = new Map<string, number>();
    const fail = (what: string) => {
      failures++;
      failed.set(what, (failed.get(what) ?? 0) + 1);
    };

    /** `orders` purchases of PER_ORDER seats by all clients; the confirm request alone is timed. */
    async function buy(orders: number) {
      const confirm: number[] = [];
      const pendingAtConfirm: number[] = [];
      let left = orders;
      const started = performance.now();
      await Promise.all(
        clients.map(async (c) => {
          while (left > 0) {
            left--;
            const mySeats = seats.slice(nextSeat, nextSeat + PER_ORDER);
            nextSeat += PER_ORDER;
            const hold = await call(platform.url, c, 'POST', `/api/sessions/${sessionId}/holds`, {
              seatIds: mySeats,
            });
            if (hold.status !== 201) {
              fail(`hold ${hold.status} ${hold.json?.code ?? ''}`);
              left++;
              continue;
            }
            const order = await call(
              platform.url,
              c,
              'POST',
              '/api/orders',
              { holdId: hold.json.holdId },
              { 'idempotency-key': randomUUID() },
            );
            if (order.status !== 201) {
              fail(`order ${order.status} ${order.json?.code ?? ''}`);
              left++;
              continue;
            }
            pendingAtConfirm.push(paidOrders - sink.arrivals.size);
            const s = performance.now();
            const paid = await call(
              platform.url,
              c,
              'POST',
              `/api/testpay/payments/${order.json.payment.id}/confirm`,
              { cardNumber: '4242424242424242' },
            );
            const at = performance.now();
            confirm.push(at - s);
            if (paid.json?.status !== 'succeeded') {
              fail(`confirm ${paid.status} ${paid.json?.status ?? paid.json?.code ?? ''}`);
              left++;
              continue;
            }
            paidOrders++;
            confirmedAt.set(orderNumberOf(order.json.id), at);
            // The order turns paid when the gateway's webhook lands; until then the buyer may not
            // hold again (CHECKOUT_IN_PROGRESS). Wait for it, untimed, as booking.ts does.
            for (let i = 0; i < 500; i++) {
              const o = await call(platform.url, c, 'GET', `/api/orders/${order.json.id}`);
              if (o.json?.status !== 'pending') break;
              await new Promise((r) => setTimeout(r, 20));
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const pend = [...pendingAtConfirm].sort((a, b) => a - b);
      return {
        confirm: summarize(confirm, seconds),
        samples: confirm,
        seconds,
        started,
        pendingMedian: pend[Math.floor(pend.length / 2)] ?? 0,
        pendingMax: pend[pend.length - 1] ?? 0,
      };
    }

    async function drain(timeoutMs: number) {
      const end = performance.now() + timeoutMs;
      while (sink.arrivals.size < paidOrders && performance.now() < end)
        await new Promise((r) => setTimeout(r, 20));
      return sink.arrivals.size >= paidOrders;
    }

    const delaysOf = (numbers: Iterable<string>) =>
      [...numbers].flatMap((n) => {
        const paid = confirmedAt.get(n);
        const got = sink.arrivals.get(n);
        return paid !== undefined && got !== undefined ? [got - paid] : [];
      });

    // Warm-up (JIT, pools, first PDF in the server), then the quiet phase: a few orders, each
    // confirmed while almost nothing is waiting to be mailed.
    console.log('warm-up…');
    await buy(CLIENTS);
    await drain(60_000);
    console.log(`quiet phase: ${QUIET_ORDERS} orders…`);
    const before = new Set(confirmedAt.keys());
    // Quiet: rounds of one order per buyer (same concurrency as the burst), the outbox drained
    // before each round, so confirms start with (almost) nothing waiting to be mailed.
    const rounds = [];
    for (let i = 0; i < QUIET_ORDERS / CLIENTS; i++) {
      rounds.push(await buy(CLIENTS));
      await drain(60_000);
    }
    const quiet = {
      confirm: summarize(
        rounds.flatMap((r) => r.samples),
        rounds.reduce((n, r) => n + r.seconds, 0),
      ),
      seconds: rounds.reduce((n, r) => n + r.seconds, 0),
      pendingMedian: Math.max(...rounds.map((r) => r.pendingMedian)),
      pendingMax: Math.max(...rounds.map((r) => r.pendingMax)),
    };
    const quietOrders = [...confirmedAt.keys()].filter((n) => !before.has(n));
    const quietDelay = summarize(delaysOf(quietOrders), quiet.seconds);

    // The burst: 1,000 tickets bought as fast as the clients can, their emails rendered and sent
    // by the server's delivery workers meanwhile.
    console.log(`burst: ${TICKETS} tickets…`);
    const beforeBurst = new Set(confirmedAt.keys());
    const mailedBefore = sink.arrivals.size;
    const burst = await buy(TICKETS / PER_ORDER);
    const drained = await drain(180_000);
    const burstOrders = [...confirmedAt.keys()].filter((n) => !beforeBurst.has(n));
    const lastArrival = Math.max(...burstOrders.map((n) => sink.arrivals.get(n) ?? 0));
    const mailSeconds = (lastArrival - burst.started) / 1000;
    const burstMailed = sink.arrivals.size - mailedBefore;
    const burstDelay = summarize(delaysOf(burstOrders), burst.seconds);
    const tailAfterPaying = round((lastArrival - burst.started) / 1000 - burst.seconds);

    const q = quiet.confirm;
    const b = burst.confirm;
    lines.push(
      `### Tickets — ${machineLine()}`,
      '',
      `In-process: ${TICKETS} tickets rendered one after another through \`renderTicketsPdf\` (pdfkit + qrcode, fresh Ed25519 code each), and ${TICKETS / PER_ORDER} whole emails of ${PER_ORDER} tickets (PDF, ICS, HTML/text, MIME via nodemailer).`,
      '',
      '| in-process | per s | tickets/s | p50 ms | p90 ms | p99 ms | max ms | size |',
      '|---|---|---|---|---|---|---|---|',
      `| PDF + QR, 1 ticket | ${micro.pdf.perSecond} | ${micro.pdf.perSecond} | ${micro.pdf.p50} | ${micro.pdf.p90} | ${micro.pdf.p99} | ${micro.pdf.max} | ${micro.pdfKiB} KiB |`,
      `| whole email, ${PER_ORDER} tickets | ${micro.mail.perSecond} | ${micro.mailTicketsPerSecond} | ${micro.mail.p50} | ${micro.mail.p90} | ${micro.mail.p99} | ${micro.mail.max} | ${micro.mailKiB} KiB |`,
      '',
      `End to end: the real server (production mode, PostgreSQL, Redis, SMTP_URL at a local smtp-server, default delivery policy: 4 workers in the server process), ${CLIENTS} buyers each looping hold → order → pay (${PER_ORDER} seats per order); only the \`POST /api/testpay/payments/:id/confirm\` request is timed. "Emails pending" = orders paid but not yet accepted by the SMTP server when a confirm started. Delivery delay = confirm response → message accepted by the SMTP server.`,
      '',
      '| phase | orders | confirm p50 ms | confirm p90 ms | confirm p99 ms | confirm max ms | emails pending (median / max) | delivery delay p50 ms | delivery delay p99 ms |',
      '|---|---|---|---|---|---|---|---|---|',
      `| quiet (${QUIET_ORDERS * PER_ORDER} tickets, drained every ${CLIENTS} orders) | ${q.count} | ${q.p50} | ${q.p90} | ${q.p99} | ${q.max} | ${quiet.pendingMedian} / ${quiet.pendingMax} | ${quietDelay.p50} | ${quietDelay.p99} |`,
      `| burst (${TICKETS} tickets) | ${b.count} | ${b.p50} | ${b.p90} | ${b.p99} | ${b.max} | ${burst.pendingMedian} / ${burst.pendingMax} | ${burstDelay.p50} | ${burstDelay.p99} |`,
      '',
      `Burst: ${burstMailed} emails (${burstMailed * PER_ORDER} tickets) accepted by the SMTP server${drained ? '' : ' (NOT all: timed out)'} ${round(mailSeconds)} s after the first purchase began, i.e. **${Math.round((burstMailed * PER_ORDER) / mailSeconds)} tickets/s delivered** (${Math.round(burstMailed / mailSeconds)} emails/s, ${round(sink.bytes() / sink.messages() / 1024)} KiB each); paying took ${round(burst.seconds)} s (${Math.round((b.count * PER_ORDER) / burst.seconds)} tickets/s bought), the last email arrived ${tailAfterPaying} s after the last payment. Failed or retried steps: ${failures}${failures ? ` (${[...failed].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}.`,
    );
  } finally {
    if (process.env.BENCH_SHOW_SERVER_OUTPUT) console.log(platform.output().slice(-3000));
    await platform.stop();
    await sink.close();
    await db.drop();
  }
  return { markdown: lines.join('\n') };
}
