import { describe, expect, it } from 'vitest';
import { isAllowedReturnUrl, returnLink } from './return-url.ts';

const ORIGIN = 'https://tickets.example';

describe('return URLs', () => {
  it('allows site-relative paths and URLs on the platform origin', () => {
    for (const ok of ['/', '/orders/1?x=1#top', 'https://tickets.example/orders/1'])
      expect(isAllowedReturnUrl(ok, ORIGIN), ok).toBe(true);
  });

  it('refuses other sites, protocol-relative tricks and non-http schemes', () => {
    for (const bad of [
      'https://evil.example/',
      'https://tickets.example.evil.example/',
      'http://tickets.example/', // another origin: the scheme differs
      '//evil.example/',
      '/\\evil.example/',
      '/ /evil',
      'javascript:alert(1)',
      'orders/1',
      '',
    ])
      expect(isAllowedReturnUrl(bad, ORIGIN), bad).toBe(false);
    expect(isAllowedReturnUrl('https://tickets.example/x', undefined)).toBe(false);
  });

  it('adds the payment and status, keeping the query and fragment', () => {
    expect(returnLink('/orders/1?tab=a#done', 'pay_1', 'succeeded')).toBe(
      '/orders/1?tab=a&payment=pay_1&status=succeeded#done',
    );
    expect(returnLink('https://tickets.example/o', 'pay_1', 'failed')).toBe(
      'https://tickets.example/o?payment=pay_1&status=failed',
    );
  });
});
