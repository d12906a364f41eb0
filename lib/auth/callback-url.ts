import { siteUrl } from '@/lib/site';

/**
 * Where to send someone after sign-in or registration, from a user-given value (callbackUrl).
 * The value is resolved the way a browser would — `new URL(value, site)`, which drops tabs and
 * newlines, reads `\` as `/` and folds dot segments — and used only when the result is on the
 * site's own origin; then only its path, query and fragment are kept. Anything else is '/'.
 * A prefix check on the raw string cannot do this: `/\t/evil.example` passes it, and the browser
 * then sees `//evil.example` (issue 13, item 1).
 */
export function safeCallbackUrl(value: string | undefined | null, site: string = siteUrl()): string {
  if (!value) return '/';
  const origin = new URL(site).origin;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` resolves to the path `//evil.example`: as a relative link that is another host.
  if (!path.startsWith('/') || path.startsWith('//')) return '/';
  return path;
}

/** next-auth's `callbacks.redirect`: the same rule for the redirects next-auth makes itself. */
export function redirectCallback({ url, baseUrl }: { url: string; baseUrl: string }): string {
  return `${new URL(baseUrl).origin}${safeCallbackUrl(url, baseUrl)}`;
}
