import { USE_LABELS } from '@/lib/requests/labels';
import { formatFrom, picturesInWords, type EmbedSummary } from './summary';

/**
 * The iframe variant and the badge, as plain documents with no script: they work under the
 * strictest host policy (the host only has to allow the desk in frame-src / img-src) and with
 * JavaScript off. public JavaScript (lib/embed/client/embed.js) renders the same words.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeMarkup = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The desk's door for this article: /r finds it, or offers to ask for it. Relative: same site. */
export const doorPath = (url: string) => `/r?url=${encodeURIComponent(url)}`;

export type BoxWords = { heading: string; lines: string[]; action: string | null };

/** What the box says, shared by the iframe and (as JSON) the script. */
export function boxWords(s: EmbedSummary, publisher: string): BoxWords {
  switch (s.status) {
    case 'available':
      return {
        heading:
          s.from === null
            ? 'Republish this article'
            : `Republish this article — from ${formatFrom(s.from, s.currency)}`,
        lines: [
          s.from === null
            ? 'The desk quotes every use of this article.'
            : `${USE_LABELS.web} use for a year; other uses priced on the desk.`,
          picturesInWords(s.pictures),
        ],
        action: 'See the price and request a licence',
      };
    case 'unavailable':
      return { heading: 'Not available for republishing', lines: [s.reason], action: null };
    case 'unknown':
      return s.ours
        ? {
            heading: 'Republish this article',
            lines: [`This article is being added to the ${publisher} licensing desk.`],
            action: 'Ask the desk about it',
          }
        : {
            heading: 'Not available for republishing',
            lines: [`This is not one of ${publisher}’s articles.`],
            action: null,
          };
    case 'invalid':
      return {
        heading: 'Not available for republishing',
        lines: ['The address of the article is not valid.'],
        action: null,
      };
  }
}

const FRAME_CSS = `
:root{color-scheme:light;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1f24;line-height:1.45}
body{margin:0}
main{border:1px solid #c7ced6;border-radius:6px;padding:.75rem 1rem;background:#fff}
h1{font-size:1.05rem;margin:0 0 .35rem}
p{margin:0 0 .5rem;font-size:.95rem}
a.rd-button{display:inline-block;background:#0b5cad;color:#fff;border-radius:6px;padding:.45rem .9rem;font-weight:600;text-decoration:none}
a.rd-button:hover{background:#084785}
a:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px #1b1f24}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

/** The whole iframe document: the box alone, links open the desk in a new tab. */
export function frameDocument(s: EmbedSummary, publisher: string): string {
  const w = boxWords(s, publisher);
  const url = s.status === 'invalid' ? null : s.status === 'unknown' ? s.url : null;
  const href = s.status === 'available' ? `/articles/${encodeURIComponent(s.slug)}` : url ? doorPath(url) : null;
  const action =
    w.action && href
      ? `<p><a class="rd-button" href="${escapeMarkup(href)}" target="_blank" rel="noopener">${escapeMarkup(w.action)}<span class="sr"> (opens ${escapeMarkup(publisher)}’s licensing desk in a new tab)</span></a></p>`
      : '';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeMarkup(w.heading)} · ${escapeMarkup(publisher)}</title><meta name="robots" content="noindex"><style>${FRAME_CSS}</style></head>
<body><main><h1>${escapeMarkup(w.heading)}</h1>${w.lines.map((l) => `<p>${escapeMarkup(l)}</p>`).join('')}${action}</main></body></html>`;
}

/** The badge: one line, sized to its text (no web font to measure with, so a generous estimate). */
export function badgeSvg(s: EmbedSummary): string {
  const text =
    s.status === 'available'
      ? s.from === null
        ? 'Republish this article'
        : `Republish this article · from ${formatFrom(s.from, s.currency)}`
      : s.status === 'unknown' && s.ours
        ? 'Republish this article · ask the desk'
        : 'Not available for republishing';
  const ok = s.status === 'available' || (s.status === 'unknown' && s.ours);
  const width = Math.ceil(text.length * 7.4) + 24;
  const label = escapeMarkup(text);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="28" viewBox="0 0 ${width} 28" role="img" aria-label="${label}"><title>${label}</title><rect width="${width}" height="28" rx="5" fill="${ok ? '#0b5cad' : '#5a6470'}"/><text x="12" y="18.5" fill="#fff" font-family="system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif" font-size="13" font-weight="600">${label}</text></svg>`;
}
