/**
 * The standard PDF fonts (Helvetica, Courier) speak WinAnsi only: Latin-1 plus the characters
 * below. Embedding a Unicode font would cover every script but needs a font file shipped with the
 * server; tickets are mostly Latin text, so text is fitted to WinAnsi instead. (Pure.)
 */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);
const encodable = (c: number) =>
  (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(c);

/** Text the standard fonts can draw: accents are dropped where needed, anything else becomes "?". */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    if (encodable(c)) out += ch;
    else if (c === 0x2009 || c === 0x202f || c === 0xa0) out += ' ';
    else {
      const bare = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += [...bare].every((b) => encodable(b.codePointAt(0)!)) && bare ? bare : '?';
    }
  }
  return out;
}
