import { type BucketRule, takeFromSlot } from './slot-buckets.ts';
import { peekQueueToken } from './tokens.ts';

/**
 * What one process remembers about the places polling one queue, indexed by join number in one
 * flat buffer: a fingerprint of the token that last verified for the place, and the place's poll bucket
 * (32 bytes a place: 32 MiB for a million people, only for places that polled here).
 *
 * A poll's token is recognised by the join number read from its characters (tokens.ts,
 * peekQueueToken) and a 64-bit fingerprint of the whole string: when both match the token that
 * verified for that place, the HMAC is not computed again. Any other string, an altered copy
 * included, goes to full verification. (The fingerprint is not a MAC and need not be: a string
 * made to share it names the same place, whose token its maker already holds.)
 *
 * One index per queue epoch (RoomState.epoch): a lost and recreated queue starts empty.
 */

/** Doubles per place: the two fingerprint words, bucket tokens, bucket taken-at. */
const STRIDE = 4;
/** Places beyond this are verified on every poll and limited by address only (a 268 MiB index). */
export const MAX_INDEXED_PLACES = 2 ** 23;

export class PollPlaces {
  private slots = new Float64Array(64 * STRIDE);
  private readonly print = new Float64Array(2);

  constructor(readonly epoch: number) {}

  /** The join number of a token that verified here before, or 0. */
  known(token: string): number {
    const k = peekQueueToken(token);
    if (k === 0 || k >= this.slots.length / STRIDE) return 0;
    const i = k * STRIDE;
    fingerprint(token, this.print);
    return this.slots[i] === this.print[0] && this.slots[i + 1] === this.print[1] ? k : 0;
  }

  /** After `token` verified for place k: recognise it from now on. */
  remember(k: number, token: string) {
    if (k <= 0 || k >= MAX_INDEXED_PLACES || peekQueueToken(token) !== k) return;
    this.fit(k);
    fingerprint(token, this.print);
    this.slots[k * STRIDE] = this.print[0]!;
    this.slots[k * STRIDE + 1] = this.print[1]!;
  }

  /** The place's poll bucket: 0 when allowed, else milliseconds to wait. */
  take(k: number, now: number, rule: BucketRule): number {
    if (k <= 0 || k >= MAX_INDEXED_PLACES) return 0;
    this.fit(k);
    return takeFromSlot(this.slots, k * STRIDE + 2, now, rule);
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
 * A 64-bit fingerprint of the string as two 32-bit FNV-1a-style hashes (different primes and
 * seeds), computed in one pass into `into`; neither word is ever 0 (0 marks a place with no token
 * remembered).
 */
function fingerprint(s: string, into: Float64Array) {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x2c1b3c6d) ^ (b >>> 15);
  }
  into[0] = (a >>> 0) | 1;
  into[1] = (b >>> 0) | 1;
}
