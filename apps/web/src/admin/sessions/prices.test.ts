import { describe, expect, it } from 'vitest';
import { centsToUnits, unitsToCents } from './prices.ts';

describe('price entry', () => {
  it('reads amounts in units as exact cents, with a dot or a comma', () => {
    expect(unitsToCents('12.5')).toBe(1250);
    expect(unitsToCents('12,05')).toBe(1205);
    expect(unitsToCents(' 0 ')).toBe(0);
    expect(unitsToCents('19.99')).toBe(1999);
  });

  it('refuses negative, fractional-cent and non-numeric amounts', () => {
    expect(unitsToCents('-1')).toBeNull();
    expect(unitsToCents('1.999')).toBeNull();
    expect(unitsToCents('ten')).toBeNull();
    expect(unitsToCents('')).toBeNull();
  });

  it('shows cents as units with two decimals', () => {
    expect(centsToUnits(1250)).toBe('12.50');
    expect(centsToUnits(5)).toBe('0.05');
  });
});
