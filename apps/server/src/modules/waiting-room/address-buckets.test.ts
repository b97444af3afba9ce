import { describe, expect, it } from 'vitest';
import { AddressBuckets, addressHash, scopeOf } from './address-buckets.ts';

/** The client an address stands for: IPv6 by its /64 (one subscriber's block), IPv4 itself. */
const addressKey = (ip: string) => (ip.includes(':') ? ip.split(':').slice(0, 4).join(':') : ip);

const rule = { limit: 3, windowMs: 3_000, cost: 1 };

describe('poll buckets per address', () => {
  it('lets a bucket full through, then says how long to wait, and refills with time', () => {
    const b = new AddressBuckets();
    expect([0, 1, 2].map(() => b.take('10.0.0.1', 1_000, rule))).toEqual([0, 0, 0]);
    expect(b.take('10.0.0.1', 1_000, rule)).toBe(1_000);
    expect(b.take('10.0.0.2', 1_000, rule)).toBe(0);
    expect(b.take('10.0.0.1', 2_000, rule)).toBe(0);
  });

  it('keys IPv6 by its /64, as one subscriber', () => {
    expect(addressHash('2001:db8:1:2:aaaa::1')).toBe(addressHash('2001:db8:1:2:bbbb::9'));
    expect(addressHash('2001:db8:1:3::1')).not.toBe(addressHash('2001:db8:1:2::1'));
    // One client per /64, whatever follows.
    for (const ip of ['10.1.2.3', '2001:db8:1:2:aaaa::1', '2001:db8::1', '::1', 'fe80::1:2:3:4'])
      expect(addressHash(ip)).toBe(addressHash(addressKey(ip)));
    const b = new AddressBuckets();
    for (let i = 0; i < 3; i++) b.take(`2001:db8:1:2::${i}`, 0, rule);
    expect(b.take('2001:db8:1:2:ffff::', 0, rule)).toBeGreaterThan(0);
  });

  it('spreads a million addresses evenly over its slots (few share one)', () => {
    const sizeLog2 = 18;
    const counts = new Uint16Array(1 << sizeLog2);
    for (let i = 0; i < 1_000_000; i++)
      counts[
        addressHash(`${(i >> 24) & 255}.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`) &
          ((1 << sizeLog2) - 1)
      ]!++;
    // Poisson with mean ~3.8: a well-spread hash leaves no slot with more than a few dozen.
    expect(counts.reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(20);
  });

  it('keeps scopes apart, and places addresses differently in each process', () => {
    const b = new AddressBuckets();
    const one = scopeOf('session-one');
    const two = scopeOf('session-two');
    for (let i = 0; i < 3; i++) b.take('10.0.0.9', 0, rule, one);
    expect(b.take('10.0.0.9', 0, rule, one)).toBeGreaterThan(0);
    expect(b.take('10.0.0.9', 0, rule, two)).toBe(0);
    b.giveBack('10.0.0.9', rule, one);
    expect(b.take('10.0.0.9', 0, rule, one)).toBe(0);
    // The same addresses share slots in one table and not in another (random seeds).
    const slotsOf = (seed: number) =>
      Array.from({ length: 64 }, (_, i) => addressHash(`10.0.1.${i}`, seed) & 1023);
    expect(slotsOf(1)).not.toEqual(slotsOf(2));
    expect(addressHash('2001:db8:1:2:aaaa::1', 7)).toBe(addressHash('2001:db8:1:2:bbbb::9', 7));
  });
});
