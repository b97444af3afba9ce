import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** pdftoppm (Debian poppler-utils) renders PDFs in tests. Missing: a failure in CI, a skip elsewhere. */
export function requirePdftoppm(): boolean {
  const probe = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  if (!probe.error) return true;
  if (inCi) throw new Error('pdftoppm (poppler-utils) is required in CI but was not found');
  console.warn('[skip] PDF rendering checks skipped: pdftoppm not found (apt install poppler-utils)');
  return false;
}

/** Each page of the PDF as a PNG, at `dpi`. */
export function pdfToPngs(pdf: Buffer, dpi: number): Buffer[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-pdf-'));
  try {
    const input = path.join(dir, 'in.pdf');
    fs.writeFileSync(input, pdf);
    const run = spawnSync('pdftoppm', ['-png', '-r', String(dpi), input, path.join(dir, 'page')], {
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr}`);
    return fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.png'))
      .sort()
      .map((f) => fs.readFileSync(path.join(dir, f)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the QR code in a PNG (jsQR, an independent decoder), or null. */
export function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return found?.data ?? null;
}
