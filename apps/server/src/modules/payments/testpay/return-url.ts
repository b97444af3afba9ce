/**
 * Where the hosted page sends the buyer back. Only site-relative paths or URLs on the platform's
 * own origin are accepted, so a payment cannot be turned into an open redirect to another site.
 */
export function isAllowedReturnUrl(returnUrl: string, publicOrigin: string | undefined): boolean {
  // Printable ASCII without spaces or backslashes: browsers read "/\host" like "//host".
  if (returnUrl.length > 2000 || !/^[!-~]+$/.test(returnUrl) || returnUrl.includes('\\')) return false;
  if (returnUrl.startsWith('/')) {
    // "//host" is protocol-relative: the browser would leave the site.
    return !returnUrl.startsWith('//');
  }
  if (!publicOrigin) return false;
  try {
    const url = new URL(returnUrl);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === new URL(publicOrigin).origin
    );
  } catch {
    return false;
  }
}

/** The return URL with `payment=<id>&status=<status>` added, keeping its own query and fragment. */
export function returnLink(returnUrl: string, paymentId: string, status: string): string {
  const relative = returnUrl.startsWith('/');
  const url = new URL(returnUrl, 'http://relative.invalid');
  url.searchParams.set('payment', paymentId);
  url.searchParams.set('status', status);
  return relative ? `${url.pathname}${url.search}${url.hash}` : url.toString();
}
