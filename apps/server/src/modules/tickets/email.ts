import type { MailMessage } from '../../mail/port.ts';
import { formatMoney, type OrderDocument, orderTotal, venueAddress, venueDateTime } from './document.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const PDF_NAME = (doc: OrderDocument) => `tickets-${doc.orderNumber}.pdf`;
export const ICS_NAME = 'event.ics';

/**
 * The tickets email: an order summary in HTML and plain text, the PDF and a calendar entry
 * attached. Every value from the database is escaped in the HTML.
 */
export function composeTicketEmail(
  doc: OrderDocument,
  parts: { pdf: Buffer; ics: string; publicUrl: string; resend: boolean },
): MailMessage {
  const when = venueDateTime(doc.session.startsAt, doc.venue.timezone);
  const live = doc.tickets.filter((t) => t.status !== 'cancelled');
  const total = formatMoney(orderTotal(doc), doc.currency);
  const accountUrl = `${parts.publicUrl}/tickets`;
  const where = `${doc.venue.name}, ${venueAddress(doc.venue)}`;
  const count = `${live.length} ticket${live.length === 1 ? '' : 's'}`;
  const intro = parts.resend
    ? 'As you asked, here are your tickets again. The codes are the same as before.'
    : 'Thank you for your order. Your tickets are attached as a PDF, one page per ticket.';

  const text = [
    `Hello ${doc.buyer.name},`,
    '',
    intro,
    '',
    `${doc.event.title} (${doc.event.typeLabel})`,
    when.text,
    where,
    '',
    ...live.map(
      (t) =>
        `- ${t.label}  ·  ${t.categoryLabel}  ·  ${formatMoney(t.priceCents, t.currency)}  ·  ${t.holderName}`,
    ),
    '',
    `Total: ${total}  (${count})`,
    `Order: ${doc.orderNumber}`,
    '',
    'Each ticket admits one person once: the QR code is checked at the entrance.',
    `Your tickets are also in your account: ${accountUrl}`,
    '',
    'Ticketing',
  ].join('\n');

  const rows = live
    .map(
      (t) => `<tr>
  <td style="padding:8px 0;border-bottom:1px solid #eaecf0"><strong>${escapeHtml(t.label)}</strong><br><span style="color:#667085">${escapeHtml(t.categoryLabel)} · ${escapeHtml(t.holderName)}</span></td>
  <td style="padding:8px 0;border-bottom:1px solid #eaecf0;text-align:right;white-space:nowrap">${escapeHtml(formatMoney(t.priceCents, t.currency))}</td>
</tr>`,
    )
    .join('\n');

  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.event.title)}</title></head>
<body style="margin:0;background:#f2f4f7;font-family:Helvetica,Arial,sans-serif;color:#1b1f2a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px;overflow:hidden">
<tr><td style="background:#1b1f2a;color:#ffffff;padding:24px">
  <div style="font-size:12px;letter-spacing:2px;color:#c7d0e0;text-transform:uppercase">${escapeHtml(doc.event.typeLabel)}</div>
  <h1 style="margin:6px 0 0;font-size:24px;line-height:1.2">${escapeHtml(doc.event.title)}</h1>
</td></tr>
<tr><td style="padding:24px">
  <p style="margin:0 0 16px">Hello ${escapeHtml(doc.buyer.name)},</p>
  <p style="margin:0 0 20px">${escapeHtml(intro)}</p>
  <p style="margin:0 0 4px"><strong>${escapeHtml(when.date)}, ${escapeHtml(when.time)}</strong> <span style="color:#667085">(${escapeHtml(when.zone)}, venue time)</span></p>
  <p style="margin:0 0 20px;color:#344054">${escapeHtml(where)}</p>
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="font-size:14px">
${rows}
<tr><td style="padding:10px 0"><strong>Total</strong> <span style="color:#667085">(${count})</span></td><td style="padding:10px 0;text-align:right"><strong>${escapeHtml(total)}</strong></td></tr>
  </table>
  <p style="margin:20px 0 0;color:#344054;font-size:14px">Order <strong>${escapeHtml(doc.orderNumber)}</strong>. Each ticket admits one person once: the QR code is checked at the entrance, so keep it to yourself.</p>
  <p style="margin:20px 0 0"><a href="${escapeHtml(accountUrl)}" style="display:inline-block;background:#3b5bdb;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:8px">See my tickets</a></p>
</td></tr>
</table>
</td></tr></table>
</body></html>`;

  return {
    to: doc.buyer.email,
    subject: `Your tickets: ${doc.event.title}, ${when.date}`,
    text,
    html,
    attachments: [
      { filename: PDF_NAME(doc), contentType: 'application/pdf', content: parts.pdf },
      { filename: ICS_NAME, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: parts.ics },
    ],
  };
}
