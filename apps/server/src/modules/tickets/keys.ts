import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../config.ts';

export type TicketKeys = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  /** RFC 8037 OKP JWK, for scanners that import keys as JWK (WebCrypto). */
  jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; alg: 'EdDSA'; use: 'sig' };
  /** Short fingerprint of the public key (SHA-256, base64url, 16 chars): names the key in logs and JWK. */
  keyId: string;
};

/** A ConfigError: main.ts prints its message and stops, like any configuration mistake. */
export class TicketKeyError extends ConfigError {
  override name = 'TicketKeyError';
}

export const GENERATED_KEY_FILE = 'ticket-signing-key.pem';

/** Env values often arrive with literal "\n" for newlines; PEM text is accepted either way. */
const pemText = (text: string) => text.trim().replaceAll('\\n', '\n');

/** An Ed25519 private key from PEM (PKCS#8) or base64 of its DER. */
export function parsePrivateKey(text: string): KeyObject {
  const value = pemText(text);
  let key: KeyObject;
  try {
    key = value.startsWith('-----')
      ? createPrivateKey(value)
      : createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
  } catch (err) {
    throw new TicketKeyError(
      `TICKET_SIGNING_KEY is not a PKCS#8 private key (PEM or base64 DER): ${(err as Error).message}`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new TicketKeyError(`TICKET_SIGNING_KEY must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

/** An Ed25519 public key from PEM (SPKI) or base64 of its DER. */
export function parsePublicKey(text: string): KeyObject {
  const value = pemText(text);
  let key: KeyObject;
  try {
    key = value.startsWith('-----')
      ? createPublicKey(value)
      : createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' });
  } catch (err) {
    throw new TicketKeyError(
      `TICKET_PUBLIC_KEY is not an SPKI public key (PEM or base64 DER): ${(err as Error).message}`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new TicketKeyError(`TICKET_PUBLIC_KEY must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

export function ticketKeysFrom(privateKey: KeyObject, expectedPublic?: KeyObject): TicketKeys {
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
  if (expectedPublic) {
    const given = expectedPublic.export({ format: 'jwk' }) as { x: string };
    if (given.x !== jwk.x)
      throw new TicketKeyError('TICKET_PUBLIC_KEY does not belong to TICKET_SIGNING_KEY');
  }
  const keyId = createHash('sha256').update(Buffer.from(jwk.x, 'base64url')).digest('base64url').slice(0, 16);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: keyId, alg: 'EdDSA', use: 'sig' },
    keyId,
  };
}

/**
 * The ticket signing key pair from configuration. Outside production a missing key is generated
 * once into DATA_DIR, so tickets already sent stay valid across restarts of the embedded default;
 * production refuses to start without one (a generated key would differ per process).
 */
export function resolveTicketKeys(options: {
  env: 'development' | 'production' | 'test';
  dataDir: string;
  signingKey: string | null;
  publicKey: string | null;
}): TicketKeys {
  const expected = options.publicKey ? parsePublicKey(options.publicKey) : undefined;
  if (options.signingKey) return ticketKeysFrom(parsePrivateKey(options.signingKey), expected);
  if (options.env === 'production') throw new TicketKeyError('TICKET_SIGNING_KEY is required in production');
  const file = path.join(options.dataDir, GENERATED_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    try {
      // wx: two processes starting together keep the first key written.
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return ticketKeysFrom(parsePrivateKey(fs.readFileSync(file, 'utf8')), expected);
}
