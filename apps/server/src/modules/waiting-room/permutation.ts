/**
 * The pre-queue draw without a list: a keyed bijection of [0, n) onto itself.
 *
 * Everyone who joined before opening holds a join number k (1..n). At opening n is fixed, and
 * the place of k is permute(k − 1) + 1. Because the map is a bijection, no two people share a
 * place and nobody is lost, yet nothing per person is stored: any process computes any place
 * from the key and n alone.
 *
 * Construction: a balanced Feistel network over the smallest even-bit domain 2^(2h) ≥ n (at most
 * 4n), with cycle-walking (re-encrypt until the value falls below n), which keeps it a bijection
 * of [0, n). The round function is a 32-bit integer mixer (multiply-xorshift) seeded by round
 * keys derived from a secret, the session and n; it runs in ~0.1 µs, so a status poll can afford
 * it. Fairness needs unpredictability before the draw, not cryptographic strength after it: the
 * keys depend on n, which nobody knows until the pre-queue is sealed.
 */

const ROUNDS = 6;

export interface Permutation {
  readonly size: number;
  /** The image of i ∈ [0, size). */
  apply(i: number): number;
}

function mix32(x: number, key: number): number {
  let h = (x ^ key) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * @param roundKeys at least 6 32-bit words of secret key material (see keysFromDigest)
 */
export function keyedPermutation(size: number, roundKeys: readonly number[]): Permutation {
  if (!Number.isSafeInteger(size) || size < 0 || size > 2 ** 40) throw new RangeError(`bad size ${size}`);
  if (roundKeys.length < ROUNDS) throw new RangeError(`need ${ROUNDS} round keys`);
  if (size <= 1) return { size, apply: (i) => check(i, size) };

  // Half width in bits; the domain 2^(2·half) ≥ size. Halves stay ≤ 20 bits, so they fit in
  // 32-bit integer arithmetic and the whole value in a safe double.
  const bits = Math.max(2, Math.ceil(Math.log2(size)));
  const half = Math.ceil(bits / 2);
  const halfSize = 2 ** half;
  const mask = halfSize - 1;

  const encrypt = (x: number) => {
    let left = Math.floor(x / halfSize);
    let right = x % halfSize;
    for (let r = 0; r < ROUNDS; r++) {
      const next = (left ^ (mix32(right, roundKeys[r]!) & mask)) >>> 0;
      left = right;
      right = next;
    }
    return left * halfSize + right;
  };

  return {
    size,
    apply(i: number) {
      check(i, size);
      let x = encrypt(i);
      while (x >= size) x = encrypt(x);
      return x;
    },
  };
}

function check(i: number, size: number) {
  if (!Number.isInteger(i) || i < 0 || i >= size) throw new RangeError(`index ${i} outside [0, ${size})`);
  return i;
}

/** Round keys from a digest (e.g. HMAC-SHA256 of secret, session and n): 8 words from 32 bytes. */
export function keysFromDigest(digest: Uint8Array): number[] {
  if (digest.length < ROUNDS * 4) throw new RangeError('digest too short');
  const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
  return Array.from({ length: Math.floor(digest.length / 4) }, (_, i) => view.getUint32(i * 4));
}
