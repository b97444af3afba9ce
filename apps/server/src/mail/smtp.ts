import nodemailer from 'nodemailer';
import type { Mailer } from './port.ts';

/**
 * SMTP through nodemailer, configured by one URL (smtp://user:pass@host:587, smtps://… for
 * implicit TLS; query options such as ?pool=true pass through). Timeouts are bounded so a stuck
 * relay fails the attempt and the job retries, rather than holding a worker.
 */
export function smtpMailer(options: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(
    {
      url: options.url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from: options.from },
  );
  return {
    kind: 'smtp',
    async send(message) {
      const info = await transport.sendMail(message);
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}
