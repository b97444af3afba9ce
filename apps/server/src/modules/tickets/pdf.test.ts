import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderTicketsPdf } from './pdf.ts';
import { pdfText } from './pdf-text.ts';
import { sampleOrder } from './testing/sample-order.ts';

const { privateKey } = generateKeyPairSync('ed25519');
const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('ticket PDF', () => {
  it('prints one A4 page per valid ticket of the order', async () => {
    const order = sampleOrder(privateKey);
    const pdf = await renderTicketsPdf(order, { publicUrl: 'http://localhost:3000' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages(pdf)).toBe(2);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    order.tickets[1]!.status = 'cancelled';
    expect(pages(await renderTicketsPdf(order, { publicUrl: 'http://x' }))).toBe(1);
  });

  it('refuses to print an order without a valid ticket', async () => {
    const order = sampleOrder(privateKey);
    for (const t of order.tickets) t.status = 'cancelled';
    await expect(renderTicketsPdf(order, { publicUrl: 'http://x' })).rejects.toThrow(/no ticket/);
  });

  it('keeps text the standard fonts can draw and replaces the rest', () => {
    expect(pdfText('Café “Zürich” – €12 · Dvořák')).toBe('Café “Zürich” – €12 · Dvorák');
    expect(pdfText('東京 Dome')).toBe('?? Dome');
    expect(pdfText('a\u202Fb')).toBe('a b');
  });
});
