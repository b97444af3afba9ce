import { describe, expect, it } from 'vitest';
import { safeNextPath } from './nextPath.ts';

describe('safeNextPath', () => {
  it('keeps a path on this site with its query', () => {
    expect(safeNextPath('/admin/events?page=2')).toBe('/admin/events?page=2');
  });

  it('refuses absolute and protocol-relative URLs so next is no open redirect', () => {
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
  });

  it('does not send the user back to a sign-in page', () => {
    expect(safeNextPath('/login?next=/x')).toBe('/');
    expect(safeNextPath('/signup')).toBe('/');
    expect(safeNextPath('/logins-report')).toBe('/logins-report');
  });

  it('falls back to home when there is no next', () => {
    expect(safeNextPath(null)).toBe('/');
  });
});
