import { describe, expect, it } from 'vitest';
import { sessionToken } from './fast-joins.ts';
import { rawHeader } from './fast-path.ts';

const token = 'AbC_d-0123456789xyzXYZ0123456789abcdefghijk';

describe('the session cookie as the fast join path reads it', () => {
  it('finds it among other cookies, spaces and all', () => {
    expect(sessionToken(`sid=${token}`)).toBe(token);
    expect(sessionToken(`theme=dark; sid=${token}; lang=fr`)).toBe(token);
    expect(sessionToken(`theme=dark;sid=${token}`)).toBe(token);
    expect(sessionToken(`xsid=1; sid=${token}`)).toBe(token);
  });

  it('leaves everything unusual to the cookie parser', () => {
    expect(sessionToken(undefined)).toBeUndefined();
    expect(sessionToken('')).toBeUndefined();
    expect(sessionToken('theme=dark')).toBeUndefined();
    expect(sessionToken(`sid=${token}; sid=${token}`)).toBeUndefined(); // which one wins is the parser's rule
    expect(sessionToken(`sid="${token}"`)).toBeUndefined();
    expect(sessionToken(`sid=${token}%3D`)).toBeUndefined();
    expect(sessionToken('sid=')).toBeUndefined();
    expect(sessionToken(`sid=${'a'.repeat(101)}`)).toBeUndefined();
  });
});

describe('a header from the raw list', () => {
  const raw = [
    'Host',
    'x',
    'X-Forwarded-For',
    '1.2.3.4',
    'Cookie',
    'a=1',
    'x-forwarded-for',
    '5.6.7.8',
    'cookie',
    'b=2',
  ];
  it('matches names in any case; a repeated one gives its first value or nothing, as asked', () => {
    expect(rawHeader(raw, 'host', 'refuse')).toBe('x');
    expect(rawHeader(raw, 'x-forwarded-for', 'first')).toBe('1.2.3.4');
    expect(rawHeader(raw, 'cookie', 'refuse')).toBeUndefined();
    expect(rawHeader(raw, 'content-length', 'refuse')).toBeUndefined();
  });
});
