import { type BucketRule, takeFromSlot } from './slot-buckets.ts';
import { peekQueueToken } from './tokens.ts';

/**
 * What one process remembers about the places polling one queue, indexed by join number in one
 * flat buffer: a fingerprint of the token that last verified for the place, the place's position
 * in line once the draw is made, and the place's poll bucket (32 bytes a place, half a cache line:
 * 32 MiB for a million people, only for places that polled here). A poll reads and writes one
 * line of it.
 *
 * A poll's token is recognised by the join number read from its characters (tokens.ts,
 * peekQueueToken) and a 52-bit fingerprint of the whole string: when both match the token that
 * verified for that place, the HMAC is not computed again. Any other string, an altered copy
 * included, goes to full verification. (The fingerprint is not a MAC and need not be: a string
 * made to share it names the same place, whose token its maker already holds.)
 *
 * One index per queue epoch (RoomState.epoch): a lost and recreated queue starts empty.
 */

/** Doubles per place: the fingerprint, the position (0: not known yet), bucket tokens, bucket taken-at. */
const STRIDE = 4;
const PRINT = 0;
const POSITION = 1;
const BUCKET = 2;
/** Places beyond this are verified on every poll and limited by address only (a 268 MiB index). */
export const MAX_INDEXED_PLACES = 2 ** 23;

export class PollPlaces {
  private slots = new Float64Array(64 * STRIDE);
  /** The draw whose positions the slots hold (its pre-queue size), and those positions as a PlaceOf. */
  private drawSize = -1;
  private drawn: (k: number) => number = (k) => k;

  constructor(readonly epoch: number) {}

  /**
   * The join number of a token that verified here before, or 0. The token is `text` from `at` to
   * its end: a poll's URL is read where it is, with no copy of the token cut out of it.
   */
  known(text: string, at = 0): number {
    const k = peekQueueToken(text, at);
    if (k === 0 || k >= this.slots.length / STRIDE) return 0;
    return this.slots[k * STRIDE + PRINT] === fingerprint(text, at) ? k : 0;
  }

  /** After `token` verified for place k: recognise it from now on. */
  remember(k: number, token: string) {
    if (k <= 0 || k >= MAX_INDEXED_PLACES || peekQueueToken(token) !== k) return;
    this.fit(k);
    this.slots[k * STRIDE + PRINT] = fingerprint(token, 0);
  }

  /** The place's poll bucket: 0 when allowed, else milliseconds to wait. */
  take(k: number, now: number, rule: BucketRule): number {
    if (k <= 0 || k >= MAX_INDEXED_PLACES) return 0;
    this.fit(k);
    return takeFromSlot(this.slots, k * STRIDE + BUCKET, now, rule);
  }

  /**
   * `draw` (the places of the draw over a pre-queue of `size`), each place's answer kept in its
   * slot: a poll then reads its position from the line its token and bucket are on, instead of
   * running the permutation. A draw never changes for a queue epoch; should another size come,
   * the kept positions are dropped.
   */
  positions(size: number, draw: (k: number) => number): (k: number) => number {
    if (size !== this.drawSize) {
      for (let i = POSITION; i < this.slots.length; i += STRIDE) this.slots[i] = 0;
      this.drawSize = size;
      this.drawn = (k) => {
        if (k <= 0 || k >= this.slots.length / STRIDE) return draw(k);
        const i = k * STRIDE + POSITION;
        const known = this.slots[i]!;
        if (known !== 0) return known;
        const position = draw(k);
        this.slots[i] = position;
        return position;
      };
    }
    return this.drawn;
  }

  private fit(k: number) {
    if (k < this.slots.length / STRIDE) return;
    let places = this.slots.length / STRIDE;
    while (places <= k) places *= 2;
    const grown = new Float64Array(Math.min(places, MAX_INDEXED_PLACES) * STRIDE);
    grown.set(this.slots);
    this.slots = grown;
  }
}

/**
 * A 52-bit fingerprint of `s` from `at` on: two 32-bit FNV-1a-style hashes (different primes and
 * seeds) in one pass, two characters a step, joined into one double that is never 0 (0 marks a
 * place with no token remembered).
 */
function fingerprint(s: string, at: number): number {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  let i = at;
  for (; i + 1 < s.length; i += 2) {
    const c = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x2c1b3c6d) ^ (b >>> 15);
  }
  if (i < s.length) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x2c1b3c6d) ^ (b >>> 15);
  }
  return ((a >>> 0) | 1) * 2 ** 20 + (b >>> 12);
}
