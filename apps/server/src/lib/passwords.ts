import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's 2024 minimum (19 MiB, t=2, p=1): strong enough, and about 20–30 ms per
 * hash here, so a login burst does not starve the event loop. @node-rs/argon2 ships prebuilt
 * binaries as optional dependencies, so `npm ci` needs no compiler and no install scripts.
 */
// Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throwaway hash so "no such account" costs as long as "wrong password". */
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-used-for-timing');
  await verifyPassword(await dummyHash, password);
}

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  '1234567890',
  '12345678910',
  '0123456789',
  'qwertyuiop',
  'qwerty1234',
  'iloveyou123',
  'letmein123',
  'welcome123',
  'admin12345',
  'abcdefghij',
  '1111111111',
  'aaaaaaaaaa',
]);

/** Length is checked by the schema; this refuses the guessable ones (NIST 800-63B blocklist idea). */
export function weakPasswordReason(password: string, email: string): string | null {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return 'This password is too common. Choose a less predictable one.';
  if (p === email.toLowerCase() || p === email.split('@')[0]?.toLowerCase())
    return 'The password must not be your email address.';
  if (new Set(p).size < 4) return 'The password needs more variety: use at least 4 different characters.';
  return null;
}
