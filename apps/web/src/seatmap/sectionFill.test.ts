import { describe, expect, it } from 'vitest';
import { mixHex, SOLD_OUT_FILL, sectionFill } from './sectionFill.ts';

describe('section colour by availability', () => {
  it('is the category colour while every seat is free', () => {
    expect(sectionFill('#0072b2', 100, 100)).toBe('#0072b2');
  });

  it('pales towards white as seats sell', () => {
    expect(sectionFill('#000000', 100, 50)).toBe(mixHex('#000000', '#ffffff', 0.35));
    expect(mixHex('#000000', '#ffffff', 0.5)).toBe('#808080');
  });

  it('turns grey when nothing is left', () => {
    expect(sectionFill('#0072b2', 100, 0)).toBe(SOLD_OUT_FILL);
  });

  it('reads short and long hex colours', () => {
    expect(mixHex('#fff', '#000000', 1)).toBe('#000000');
    expect(mixHex('#0072b2cc', '#0072b2', 0)).toBe('#0072b2');
  });
});
