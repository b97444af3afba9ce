import { randomInt } from 'node:crypto';
import { type BucketRule, giveBackToSlot, takeFromSlot } from './slot-buckets.ts';

/**
 * Per-address buckets (status polls, joins) in a fixed table: an address hashes to one of `size` slots, with no map,
 * no object per address, nothing to sweep, and memory that a flood of made-up addresses cannot
 * grow (16 bytes a slot: 4 MiB for the default 2^18).
 *
 * Two addresses can share a slot. That only matters when one of them polls near the limit, and the
 * limit is generous on purpose (carrier NAT puts thousands of people behind one address): with a
 * million distinct addresses over 2^18 slots, about four share each, far below what one honest
 * household polls. Abuse is still bounded, which is all a poll limit per address is for.
 *
 * IPv6 clients are keyed by their /64 (one subscriber's block), IPv4 by the address.
 */
export class AddressBuckets {
  private readonly slots: Float64Array;
  private readonly mask: number;
  /**
   * Random per process: which addresses share a slot cannot be worked out from outside, so nobody
   * can pick an address of theirs that lands on a neighbour's slot.
   */
  private readonly seed = randomInt(2 ** 32);

  constructor(sizeLog2 = 18) {
    this.slots = new Float64Array(2 << sizeLog2);
    this.mask = (1 << sizeLog2) - 1;
  }

  /**
   * 0 when allowed (and taken); otherwise milliseconds until it would be. `scope` (a number, e.g.
   * scopeOf(sessionId)) gives each scope its own buckets: one address's joins to one session do
   * not count against its joins to another.
   */
  take(ip: string, now: number, rule: BucketRule, scope = 0): number {
    return takeFromSlot(this.slots, this.slot(ip, scope), now, rule);
  }

  /** Returns what `take` took, when the request was then refused for another reason. */
  giveBack(ip: string, rule: BucketRule, scope = 0) {
    giveBackToSlot(this.slots, this.slot(ip, scope), rule);
  }

  private slot(ip: string, scope: number) {
    return (addressHash(ip, (this.seed ^ scope) >>> 0) & this.mask) * 2;
  }
}

/** A scope for AddressBuckets from a name (FNV-1a): a session's joins, say. */
export function scopeOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * FNV-1a over the address, from a seeded start and mixed: an IPv6 one only up to its fourth colon,
 * so one subscriber's /64 is one client; IPv4 per address.
 */
export function addressHash(ip: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  let colons = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 58 && ++colons === 4) break; // ':'
    h = Math.imul(h ^ c, 0x01000193);
  }
  // FNV's low bits are weak for strings that differ only at the end: mix them (murmur3's finish).
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
