import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, utcStamp } from './ics.ts';

const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('ics calendar entry', () => {
  const ics = buildIcs({
    uid: 'order-1@tickets.example',
    start: new Date('2026-03-14T19:30:00.000Z'),
    end: new Date('2026-03-14T22:00:00Z'),
    summary: 'Rock, Paper; Scissors\\Live',
    location: 'Salle Pleyel, 252 Rue du Faubourg Saint-Honoré, Paris',
    description: `Order 3F2A9C1B\nStalls · Row C · Seat 12, ${'and a very long line '.repeat(6)}`,
    stamp: new Date('2026-01-02T03:04:05Z'),
  });

  it('is a VCALENDAR with one VEVENT in UTC times, CRLF line ends', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART:20260314T193000Z\r\n');
    expect(ics).toContain('DTEND:20260314T220000Z\r\n');
    expect(ics).toContain('DTSTAMP:20260102T030405Z\r\n');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    expect(unfold(ics)).toContain('SUMMARY:Rock\\, Paper\\; Scissors\\\\Live\r\n');
    expect(unfold(ics)).toContain('DESCRIPTION:Order 3F2A9C1B\\nStalls · Row C · Seat 12\\, and');
    expect(escapeText('a\r\nb\rc')).toBe('a\\nb\\nc');
  });

  it('folds every line to at most 75 octets, never splitting a character', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const folded = foldLine(`X:${s}`);
        const lines = folded.split('\r\n');
        return (
          lines.every((l) => Buffer.byteLength(l) <= 75) &&
          lines.slice(1).every((l) => l.startsWith(' ')) &&
          unfold(folded) === `X:${s}`
        );
      }),
    );
  });

  it('writes UTC basic format without milliseconds', () => {
    expect(utcStamp(new Date('2026-07-01T08:09:10.999Z'))).toBe('20260701T080910Z');
  });
});
