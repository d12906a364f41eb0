/** The desk's public base URL, for links in mails, copies and certificates. */
export function siteUrl(): string {
  return (process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '');
}
