/**
 * Where to go after signing in: the `next` query parameter when it is a path on this site.
 * Anything else (absolute URLs, `//evil.example`, the auth pages themselves) falls back to home,
 * so the parameter cannot be used as an open redirect.
 */
export function safeNextPath(raw: string | null): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (/^\/(login|signup)(?:[/?#]|$)/.test(raw)) return '/';
  return raw;
}
