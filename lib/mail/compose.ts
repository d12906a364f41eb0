import type { Mail } from './outbox';

import { escapeHtml } from '@/lib/html';

/**
 * A plain-text mail and its HTML twin from the same paragraphs and one optional link (the shape of
 * lib/auth/mails.ts): whatever people typed (names, organisations) is escaped in the HTML part.
 */
export function composeMail(
  to: string,
  kind: string,
  subject: string,
  paragraphs: string[],
  link?: { href: string; label: string },
): Mail {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.href}`] : [])].join('\n\n');
  const html = [
    // A paragraph's own line breaks (an address, bank details) stay lines in the HTML part.
    ...paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`] : []),
  ].join('\n');
  return { to, kind, subject, text, html };
}
