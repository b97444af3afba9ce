import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMailer } from './index.ts';
import { localOutbox } from './outbox.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tk-outbox-'));
const message = (to: string, subject = 'Hello') => ({
  to,
  subject,
  text: 'plain body',
  html: '<p>html body</p>',
  attachments: [
    { filename: 'tickets.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.3 x') },
    { filename: 'event.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' },
  ],
});

describe('local outbox', () => {
  it('keeps each message as .eml with its parts, and lists them newest first', async () => {
    const outbox = localOutbox({ dir: tmp(), from: 'Ticketing <t@example.test>' });
    await outbox.send(message('ann@example.com', 'first'));
    const { messageId } = await outbox.send(message('ben@example.com', 'second'));
    const all = await outbox.list();
    expect(all.map((m) => m.subject)).toEqual(['second', 'first']);
    expect(all[0]).toMatchObject({
      messageId,
      to: 'ben@example.com',
      attachments: ['tickets.pdf', 'event.ics'],
    });
    expect((await outbox.list({ to: 'ANN@' })).map((m) => m.subject)).toEqual(['first']);

    const full = await outbox.get(all[0]!.id);
    expect(full).toMatchObject({ text: 'plain body', html: '<p>html body</p>' });
    expect(full!.attachments).toEqual([
      { name: 'tickets.pdf', contentType: 'application/pdf', size: 10 },
      { name: 'event.ics', contentType: 'text/calendar', size: 15 },
    ]);
    expect((await outbox.attachment(all[0]!.id, 'tickets.pdf'))!.content.toString()).toBe('%PDF-1.3 x');
    const raw = (await outbox.raw(all[0]!.id))!.toString();
    expect(raw).toContain('Subject: second');
    expect(raw).toContain('From: Ticketing <t@example.test>');
  });

  it('finds nothing for ids or names it did not write', async () => {
    const outbox = localOutbox({ dir: tmp(), from: 'x@example.test' });
    expect(await outbox.list()).toEqual([]);
    await outbox.send(message('a@example.com'));
    const { id } = (await outbox.list())[0]!;
    expect(await outbox.get('../../etc/passwd')).toBeNull();
    expect(await outbox.get('000000000-0000000000')).toBeNull();
    expect(await outbox.attachment(id, '../index.jsonl')).toBeNull();
    expect(await outbox.raw('nope')).toBeNull();
  });

  it('is the mailer when no SMTP_URL is set', () => {
    const dataDir = tmp();
    const local = createMailer({ smtpUrl: null, from: 'x@example.test', dataDir });
    expect(local.mailer.kind).toBe('outbox');
    expect(local.outbox?.dir).toBe(path.join(dataDir, 'outbox'));
    const smtp = createMailer({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'x@example.test', dataDir });
    expect(smtp.mailer.kind).toBe('smtp');
    expect(smtp.outbox).toBeNull();
  });
});
