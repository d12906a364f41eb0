/** Only same-site paths: an open redirect would let a link send people anywhere after sign-in. */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
