import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import {
  formatMoney,
  type OrderDocument,
  type TicketDocument,
  venueAddress,
  venueDateTime,
} from './document.ts';
import { pdfText } from './pdf-text.ts';

/**
 * The printable ticket: one A4 page per ticket, an order's tickets in one PDF. The ticket itself is
 * a card in the top half (main part, perforation, stub with the QR code), the way print-at-home
 * tickets look, with the practical notes under it.
 */
const PAGE = { width: 595.28, height: 841.89 };
const CARD = { x: 36, y: 78, width: 523.28, height: 352, radius: 14, header: 104 };
const STUB = 170;
const INK = '#1b1f2a';
const MUTED = '#667085';
const LINE = '#d0d5dd';
const PANEL = '#f2f4f7';

export type PdfOptions = { publicUrl: string; issuedAt?: Date };

export async function renderTicketsPdf(order: OrderDocument, opts: PdfOptions): Promise<Buffer> {
  const tickets = order.tickets.filter((t) => t.status !== 'cancelled' && t.code);
  if (!tickets.length) throw new Error('no ticket to print');
  const qrs = await Promise.all(
    tickets.map((t) =>
      QRCode.toBuffer(t.code!, { type: 'png', errorCorrectionLevel: 'M', margin: 0, scale: 8 }),
    ),
  );
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: pdfText(`Tickets: ${order.event.title}`),
      Author: 'Ticketing',
      Subject: `Order ${order.orderNumber}`,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  tickets.forEach((ticket, i) => {
    doc.addPage({ size: 'A4', margin: 0 });
    drawPage(doc, order, ticket, qrs[i]!, { index: i + 1, count: tickets.length, ...opts });
  });
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;
type PageInfo = PdfOptions & { index: number; count: number };

function label(doc: Doc, text: string, x: number, y: number, width?: number) {
  doc
    .font('Helvetica-Bold')
    .fontSize(7)
    .fillColor(MUTED)
    .text(text.toUpperCase(), x, y, { characterSpacing: 0.8, lineBreak: false, ...(width ? { width } : {}) });
}

function value(doc: Doc, text: string, x: number, y: number, width: number, size = 12, bold = false) {
  doc
    .font(bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(size)
    .fillColor(INK)
    .text(pdfText(text), x, y, { width, height: size * 1.25, lineBreak: false, ellipsis: true });
}

/** The title at the largest size that fits the header in two lines, shortened by words if none does. */
function fitTitle(doc: Doc, title: string, width: number): { text: string; size: number } {
  const fits = (text: string, size: number) => {
    doc.font('Helvetica-Bold').fontSize(size);
    return doc.heightOfString(text, { width, lineGap: -2 }) <= size * 2.4;
  };
  for (const size of [22, 19, 16]) if (fits(title, size)) return { text: title, size };
  const words = title.split(' ');
  while (words.length > 1 && !fits(`${words.join(' ')}…`, 16)) words.pop();
  return { text: `${words.join(' ')}…`, size: 16 };
}

function drawPage(doc: Doc, order: OrderDocument, ticket: TicketDocument, qr: Buffer, page: PageInfo) {
  const accent =
    ticket.categoryColor && /^#[0-9a-f]{6}$/i.test(ticket.categoryColor) ? ticket.categoryColor : '#3b5bdb';
  const when = venueDateTime(order.session.startsAt, order.venue.timezone);
  const { x, y, width, height, radius, header } = CARD;
  const mainWidth = width - STUB;
  const cut = x + mainWidth;

  // Top line: brand and page count.
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text('TICKETING', x, 40, { characterSpacing: 2 });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(`E-ticket ${page.index} of ${page.count}  ·  Order ${order.orderNumber}`, x, 42, {
      width,
      align: 'right',
    });

  // The card: dark header across both parts, white body, rounded.
  doc.save();
  doc.roundedRect(x, y, width, height, radius).clip();
  doc.rect(x, y, width, height).fill('#ffffff');
  doc.rect(x, y, width, header).fill(INK);
  doc.rect(x, y, width, 6).fill(accent);
  doc.restore();
  doc.roundedRect(x, y, width, height, radius).lineWidth(1).strokeColor(LINE).stroke();

  // Header: event type, title; stub header: ADMIT ONE and category.
  // Type and title as one block, centred in the header below the accent stripe.
  const title = fitTitle(doc, pdfText(order.event.title), mainWidth - 40);
  doc.font('Helvetica-Bold').fontSize(title.size);
  const titleHeight = doc.heightOfString(title.text, { width: mainWidth - 40, lineGap: -2 });
  const top = y + 6 + (header - 6 - (16 + titleHeight)) / 2;
  doc
    .font('Helvetica-Bold')
    .fontSize(8)
    .fillColor('#c7d0e0')
    .text(pdfText(order.event.typeLabel.toUpperCase()), x + 22, top, {
      characterSpacing: 1.5,
      lineBreak: false,
    });
  doc
    .font('Helvetica-Bold')
    .fontSize(title.size)
    .fillColor('#ffffff')
    .text(title.text, x + 22, top + 16, { width: mainWidth - 40, lineGap: -2 });
  doc
    .font('Helvetica-Bold')
    .fontSize(13)
    .fillColor('#ffffff')
    .text('ADMIT ONE', cut, y + 30, { width: STUB, align: 'center', characterSpacing: 2 });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#c7d0e0')
    .text(pdfText(ticket.categoryLabel), cut + 10, y + 52, {
      width: STUB - 20,
      align: 'center',
      lineBreak: false,
      ellipsis: true,
    });

  // Perforation between the main part and the stub, with notches cut out of the edges.
  doc
    .moveTo(cut, y + 10)
    .lineTo(cut, y + height - 10)
    .dash(4, { space: 4 })
    .lineWidth(1)
    .strokeColor('#98a2b3')
    .stroke()
    .undash();
  doc.circle(cut, y, 9).fill('#ffffff');
  doc.circle(cut, y + height, 9).fill('#ffffff');
  doc.circle(cut, y, 9).lineWidth(1).strokeColor(LINE).stroke();
  doc
    .circle(cut, y + height, 9)
    .lineWidth(1)
    .strokeColor(LINE)
    .stroke();
  doc.rect(cut - 10, y - 10, 20, 10).fill('#ffffff');
  doc.rect(cut - 10, y + height, 20, 10).fill('#ffffff');

  // Main part: when, where, which place, what it cost, whose it is.
  const left = x + 22;
  const colW = (mainWidth - 44) / 2;
  let row = y + header + 20;
  label(doc, 'Date', left, row);
  value(doc, when.date, left, row + 11, colW + 30, 12, true);
  label(doc, 'Time', left + colW + 40, row);
  value(doc, `${when.time}  ${when.zone}`, left + colW + 40, row + 11, colW - 40, 12, true);

  row += 46;
  label(doc, 'Venue', left, row);
  value(doc, order.venue.name, left, row + 11, mainWidth - 44, 12, true);
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor(MUTED)
    .text(pdfText(venueAddress(order.venue)), left, row + 27, {
      width: mainWidth - 44,
      lineBreak: false,
      ellipsis: true,
    });

  row += 56;
  const boxH = 54;
  const gap = 8;
  if (ticket.place) {
    const boxes: [string, string][] = [
      ['Section', ticket.place.section],
      ['Row', ticket.place.row],
      ['Seat', ticket.place.seat],
    ];
    const widths = [
      (mainWidth - 44 - 2 * gap) * 0.46,
      (mainWidth - 44 - 2 * gap) * 0.27,
      (mainWidth - 44 - 2 * gap) * 0.27,
    ];
    let bx = left;
    boxes.forEach(([name, text], i) => {
      doc.roundedRect(bx, row, widths[i]!, boxH, 6).fill(PANEL);
      label(doc, name, bx + 10, row + 9);
      value(doc, text, bx + 10, row + 22, widths[i]! - 20, 20, true);
      bx += widths[i]! + gap;
    });
  } else {
    doc.roundedRect(left, row, mainWidth - 44, boxH, 6).fill(PANEL);
    label(doc, 'Standing area', left + 10, row + 9);
    value(doc, ticket.area ?? ticket.label, left + 10, row + 22, mainWidth - 64, 20, true);
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text('General admission, no reserved seat', left, row + 9, {
        width: mainWidth - 54,
        align: 'right',
        lineBreak: false,
      });
  }

  row += boxH + 18;
  const inner = mainWidth - 44;
  const [c1, c2] = [inner * 0.3, inner * 0.22];
  label(doc, 'Category', left, row);
  doc.circle(left + 4, row + 16, 4).fill(accent);
  value(doc, ticket.categoryLabel, left + 13, row + 11, c1 - 20, 11.5, true);
  label(doc, 'Price', left + c1, row);
  value(doc, formatMoney(ticket.priceCents, ticket.currency), left + c1, row + 11, c2 - 8, 11.5, true);
  label(doc, 'Ticket holder', left + c1 + c2, row);
  value(doc, ticket.holderName, left + c1 + c2, row + 11, inner - c1 - c2, 11.5, true);

  // Stub: the QR code with its quiet zone, and references to read out if the scan fails.
  const qrSize = 124;
  const qx = cut + (STUB - qrSize) / 2;
  const qy = y + header + 20;
  doc.image(qr, qx, qy, { width: qrSize, height: qrSize });
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(MUTED)
    .text('Scan at the entrance', cut, qy + qrSize + 10, { width: STUB, align: 'center' });
  label(doc, 'Order', cut + 22, qy + qrSize + 34);
  value(doc, order.orderNumber, cut + 22, qy + qrSize + 45, STUB - 44, 11, true);
  label(doc, 'Ticket ref.', cut + 22, qy + qrSize + 68);
  value(doc, ticket.id.slice(0, 8).toUpperCase(), cut + 22, qy + qrSize + 79, STUB - 44, 11, true);

  // Under the card: what to know at the door.
  let ny = y + height + 34;
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text('Good to know', x, ny);
  ny += 20;
  const notes = [
    'This ticket admits one person, once. The QR code is checked at the entrance and the first scan wins, so do not share or post it.',
    'Show it printed or on your phone (turn the brightness up). One code per person: each ticket of the order has its own page.',
    `Times are the venue's local time (${order.venue.timezone}).`,
    `Your tickets are also in your account: ${page.publicUrl}/tickets. You can download them again or, within the event's policy, cancel them there.`,
  ];
  for (const note of notes) {
    doc.circle(x + 3, ny + 5, 1.8).fill(accent);
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .fillColor('#344054')
      .text(pdfText(note), x + 14, ny, { width: width - 14, lineGap: 1.5 });
    ny = doc.y + 8;
  }

  // Footer.
  doc
    .moveTo(x, PAGE.height - 58)
    .lineTo(x + width, PAGE.height - 58)
    .lineWidth(0.5)
    .strokeColor(LINE)
    .stroke();
  const issued = venueDateTime(page.issuedAt ?? order.paidAt ?? new Date(), order.venue.timezone);
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(
      pdfText(
        `Ticket ${ticket.id}  ·  Order ${order.orderNumber}  ·  Issued ${issued.date}  ·  Bought by ${order.buyer.name}`,
      ),
      x,
      PAGE.height - 48,
      { width, lineBreak: false, ellipsis: true },
    );
}
