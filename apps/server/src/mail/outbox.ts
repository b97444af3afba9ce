import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from './port.ts';

/**
 * The embedded default's mail: every message is rendered exactly as SMTP would carry it (a .eml
 * file any mail client opens) and kept under DATA_DIR/outbox, with a JSON sidecar (bodies and
 * attachment list, so the dev mailbox needs no MIME parser) and one index line per message.
 *
 *   outbox/index.jsonl        one summary per line, appended (O_APPEND: atomic for small lines)
 *   outbox/<id>.eml           the raw message
 *   outbox/<id>.json          subject, addresses, text, html, attachments [{name, contentType, size}]
 *   outbox/<id>/<n>           the n-th attachment's bytes
 */
export type OutboxSummary = {
  id: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  date: string;
  attachments: string[];
  size: number;
};

export type OutboxMessage = Omit<OutboxSummary, 'attachments'> & {
  text: string;
  html: string;
  attachments: { name: string; contentType: string; size: number }[];
};

export type LocalOutbox = Mailer & {
  readonly dir: string;
  list(opts?: { to?: string; limit?: number }): Promise<OutboxSummary[]>;
  get(id: string): Promise<OutboxMessage | null>;
  attachment(id: string, name: string): Promise<{ contentType: string; content: Buffer } | null>;
  raw(id: string): Promise<Buffer | null>;
};

/** Sortable by time, unguessable enough for a dev tool, and safe as a file name. */
const newId = () => `${Date.now().toString(36).padStart(9, '0')}-${randomBytes(5).toString('hex')}`;
export const OUTBOX_ID = /^[0-9a-z]{9}-[0-9a-f]{10}$/;

export function localOutbox(options: { dir: string; from: string }): LocalOutbox {
  const { dir } = options;
  const transport = nodemailer.createTransport(
    { streamTransport: true, buffer: true },
    { from: options.from },
  );
  const index = path.join(dir, 'index.jsonl');
  const file = (id: string, ext: string) => path.join(dir, `${id}${ext}`);

  async function readMeta(id: string): Promise<OutboxMessage | null> {
    if (!OUTBOX_ID.test(id)) return null;
    try {
      return JSON.parse(await fs.readFile(file(id, '.json'), 'utf8')) as OutboxMessage;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  return {
    kind: 'outbox',
    dir,
    async send(message: MailMessage) {
      const id = newId();
      const info = await transport.sendMail(message);
      const raw = info.message as Buffer;
      await fs.mkdir(path.join(dir, id), { recursive: true });
      await Promise.all(
        message.attachments.map((a, n) => fs.writeFile(path.join(dir, id, String(n)), a.content)),
      );
      const summary: OutboxSummary = {
        id,
        messageId: info.messageId,
        from: options.from,
        to: message.to,
        subject: message.subject,
        date: new Date().toISOString(),
        attachments: message.attachments.map((a) => a.filename),
        size: raw.length,
      };
      const meta: OutboxMessage = {
        ...summary,
        text: message.text,
        html: message.html,
        attachments: message.attachments.map((a) => ({
          name: a.filename,
          contentType: a.contentType,
          size: Buffer.byteLength(a.content),
        })),
      };
      await fs.writeFile(file(id, '.eml'), raw);
      await fs.writeFile(file(id, '.json'), JSON.stringify(meta));
      // Indexed last: a listed message is complete on disk.
      await fs.appendFile(index, `${JSON.stringify(summary)}\n`);
      return { messageId: info.messageId };
    },

    async list(opts = {}) {
      let text: string;
      try {
        text = await fs.readFile(index, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      const to = opts.to?.toLowerCase();
      const out: OutboxSummary[] = [];
      const lines = text.split('\n');
      for (let i = lines.length - 1; i >= 0 && out.length < (opts.limit ?? 100); i--) {
        if (!lines[i]) continue;
        try {
          const s = JSON.parse(lines[i]!) as OutboxSummary;
          if (!to || s.to.toLowerCase().includes(to)) out.push(s);
        } catch {
          // A line being appended by another process right now; it shows on the next read.
        }
      }
      return out;
    },

    get: readMeta,

    async attachment(id, name) {
      const meta = await readMeta(id);
      const n = meta?.attachments.findIndex((a) => a.name === name) ?? -1;
      if (!meta || n < 0) return null;
      return {
        contentType: meta.attachments[n]!.contentType,
        content: await fs.readFile(path.join(dir, id, String(n))),
      };
    },

    async raw(id) {
      if (!(await readMeta(id))) return null;
      return fs.readFile(file(id, '.eml'));
    },

    async close() {
      transport.close();
    },
  };
}
