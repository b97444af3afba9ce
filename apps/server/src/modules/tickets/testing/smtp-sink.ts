import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for tests (random port, no auth, no TLS) that parses what it receives, and
 * can refuse the next N messages with a temporary failure (451) after reading them, as a
 * greylisting or overloaded relay would.
 */
export async function smtpSink() {
  const received: ParsedMail[] = [];
  let refuse = 0;
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        attempts++;
        if (refuse > 0) {
          refuse--;
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push(mail);
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Messages that reached DATA, refused or not. */
    attempts: () => attempts,
    refuseNext(n: number) {
      refuse = n;
    },
    /** Resolves once `count` messages to `to` were accepted. */
    async waitFor(to: string, count = 1, ms = 15_000) {
      const end = Date.now() + ms;
      for (;;) {
        const mine = received.filter((m) => addressesOf(m).includes(to.toLowerCase()));
        if (mine.length >= count) return mine;
        if (Date.now() > end) throw new Error(`expected ${count} message(s) to ${to}, got ${mine.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function addressesOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}
