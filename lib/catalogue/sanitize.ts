import sanitizeHtml from 'sanitize-html';

/**
 * Elements whose content is dropped with them, not kept as text: sanitize-html's defaults plus
 * the raw-text ones browsers parse differently from htmlparser2. `xmp` is what sanitize-html
 * 2.17.4 added for GHSA-rpr9-rxv7-x643 (critical, < 2.17.4); the fixed releases need Node 22, so
 * this repository stays on 2.16 with the same protection (tests/unit/catalogue-sanitize.test.ts).
 */
const NON_TEXT_TAGS = [
  'script',
  'style',
  'textarea',
  'option',
  'xmp',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'iframe',
];

// What an article body may contain: text structure, links and images. No scripts, styles,
// event handlers, iframes or javascript: URLs.
const OPTIONS: sanitizeHtml.IOptions = {
  nonTextTags: NON_TEXT_TAGS,
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'ul',
    'ol',
    'li',
    'em',
    'strong',
    'b',
    'i',
    'a',
    'br',
    'figure',
    'figcaption',
    'img',
    'hr',
    'sub',
    'sup',
    'code',
    'pre',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h[1-6]|li|blockquote|figcaption)>/gi, '$&\n\n'), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: NON_TEXT_TAGS,
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*/g, '\n\n')
    .trim();
}

export function countWords(html: string): number {
  const text = htmlToText(html);
  return text ? text.split(/\s+/).filter(Boolean).length : 0;
}
