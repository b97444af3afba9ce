import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { composeTicketEmail } from './email.ts';
import { sampleOrder } from './testing/sample-order.ts';

const { privateKey } = generateKeyPairSync('ed25519');
const parts = {
  pdf: Buffer.from('%PDF-1.3'),
  ics: 'BEGIN:VCALENDAR',
  publicUrl: 'https://tickets.example',
  resend: false,
};

describe('tickets email', () => {
  it('summarises the order in HTML and text, with the PDF and the calendar entry attached', () => {
    const mail = composeTicketEmail(sampleOrder(privateKey), parts);
    expect(mail.to).toBe('ann@example.com');
    expect(mail.subject).toBe('Your tickets: Fixture Night, Saturday 14 March 2026');
    expect(mail.text).toContain('Saturday 14 March 2026, 20:30 (CET)');
    expect(mail.text).toContain('Total: €65.00  (2 tickets)');
    expect(mail.text).toContain('https://tickets.example/tickets');
    expect(mail.html).toContain('Stalls · Row C · Seat 12');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['tickets-3F2A9C1B.pdf', 'application/pdf'],
      ['event.ics', 'text/calendar; charset=utf-8; method=PUBLISH'],
    ]);
  });

  it('escapes everything it puts in the HTML', () => {
    const order = sampleOrder(privateKey, {
      event: { id: 'e', title: '<script>alert(1)</script> & "Friends"', typeLabel: 'Concert' },
      buyer: { email: 'ann@example.com', name: '<img src=x onerror=alert(1)>' },
    });
    const mail = composeTicketEmail(order, parts);
    expect(mail.html).not.toMatch(/<script>|<img/);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Friends&quot;');
  });

  it('says so when it is a re-send, and leaves cancelled tickets out', () => {
    const order = sampleOrder(privateKey);
    order.tickets[1]!.status = 'cancelled';
    const mail = composeTicketEmail(order, { ...parts, resend: true });
    expect(mail.text).toContain('As you asked');
    expect(mail.text).not.toContain('Standing pit');
    expect(mail.text).toContain('Total: €45.00  (1 ticket)');
  });
});
