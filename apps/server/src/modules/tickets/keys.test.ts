import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_KEY_FILE, parsePrivateKey, resolveTicketKeys } from './keys.ts';
import { signTicket, verifyTicket } from './token.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tk-keys-'));
const pair = () => generateKeyPairSync('ed25519');

describe('ticket signing keys', () => {
  it('generates a key into DATA_DIR outside production and reuses it on the next start', () => {
    const dataDir = tmp();
    const first = resolveTicketKeys({ env: 'development', dataDir, signingKey: null, publicKey: null });
    const second = resolveTicketKeys({ env: 'development', dataDir, signingKey: null, publicKey: null });
    expect(second.publicKeyPem).toBe(first.publicKeyPem);
    expect(fs.statSync(path.join(dataDir, GENERATED_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('refuses to start in production without a configured key', () => {
    expect(() =>
      resolveTicketKeys({ env: 'production', dataDir: tmp(), signingKey: null, publicKey: null }),
    ).toThrow(/required in production/);
  });

  it('reads a PEM key (also with escaped newlines) or base64 DER, and checks the public key matches', () => {
    const { privateKey, publicKey } = pair();
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const pub = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const base = { env: 'production' as const, dataDir: tmp() };
    const a = resolveTicketKeys({ ...base, signingKey: pem.replaceAll('\n', '\\n'), publicKey: null });
    const b = resolveTicketKeys({ ...base, signingKey: der, publicKey: pub });
    expect(a.jwk).toEqual(b.jwk);
    const code = signTicket(a.privateKey, {
      ticketId: randomUUID(),
      sessionId: randomUUID(),
      label: 'GA',
      issuedAt: new Date(),
    });
    expect(verifyTicket(b.publicKey, code).ok).toBe(true);
    const stranger = pair().publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(() => resolveTicketKeys({ ...base, signingKey: pem, publicKey: stranger })).toThrow(
      /does not belong/,
    );
  });

  it('refuses a key of another algorithm or garbage', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => parsePrivateKey(rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(
      /Ed25519/,
    );
    expect(() => parsePrivateKey('not a key')).toThrow(/PKCS#8/);
  });
});
