import path from 'node:path';
import { type LocalOutbox, localOutbox } from './outbox.ts';
import type { Mailer } from './port.ts';
import { smtpMailer } from './smtp.ts';

export type { LocalOutbox } from './outbox.ts';
export type { MailAttachment, Mailer, MailMessage, SentMail } from './port.ts';

/** SMTP when SMTP_URL is set; otherwise the local outbox under DATA_DIR (the embedded default). */
export function createMailer(options: { smtpUrl: string | null; from: string; dataDir: string }): {
  mailer: Mailer;
  outbox: LocalOutbox | null;
} {
  if (options.smtpUrl)
    return { mailer: smtpMailer({ url: options.smtpUrl, from: options.from }), outbox: null };
  const outbox = localOutbox({ dir: path.join(options.dataDir, 'outbox'), from: options.from });
  return { mailer: outbox, outbox };
}
