/**
 * The licensed copies (docs/DESIGN.md § Licence and licensed copies): HTML ready to paste,
 * Markdown and plain text. The words are the article as it is now, so a corrected article gives a
 * corrected copy; what was agreed (code, publisher, portion, credit line) comes from the licence's
 * frozen terms.
 */
import { jsonLdElement } from '@/lib/json-ld';
import type { LicensedArticle, LicenseRow } from './queries';
import { copyJsonLd, rightsFields, type CopyRights } from './copy-rights';
import { escapeHtml as esc } from '@/lib/html';
import { excerpt, mdEscape as md, filterImages, parseBody, toHtml, toMarkdown, toText, type BodyNode } from './body';
import { scopeLine } from './terms';

export const EXCERPT_WORDS = 300;

type Image = { src: string; caption: string; credit: string };

export type PreparedArticle = {
  title: string;
  standfirst: string;
  byline: string;
  canonicalUrl: string;
  language: string;
  body: BodyNode[];
  /** The stored (sanitized) body exactly as it is, when nothing had to be cut from it. */
  rawBody: string | null;
  isExcerpt: boolean;
  images: Image[];
  /** Pictures of the original this licence does not cover (agency and other third-party rights). */
  omittedImages: number;
  correction: string | null;
};

/** An absolute http(s) URL for a stored asset URL (site-relative ones live on this desk), or null. */
export function absoluteUrl(url: string, site: string): string | null {
  try {
    const u = new URL(url, `${site}/`);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

export function prepareArticles(license: LicenseRow, articles: LicensedArticle[], site: string): PreparedArticle[] {
  return articles.map((a) => {
    const licensable = new Set<string>();
    const images: Image[] = [];
    let omitted = 0;
    for (const asset of a.assets) {
      const src = absoluteUrl(asset.url, site);
      if (!asset.licensable || !src) {
        omitted += 1;
        continue;
      }
      licensable.add(src);
      if (asset.kind === 'image') images.push({ src, caption: asset.caption, credit: asset.credit });
    }
    let body = parseBody(a.body);
    const isExcerpt = license.terms.portion === 'excerpt';
    if (isExcerpt) body = excerpt(body, EXCERPT_WORDS);
    // Pictures inside the body are kept only when they are one of the article's licensable assets.
    const filtered = filterImages(body, (src) => {
      const abs = absoluteUrl(src, site);
      return abs !== null && licensable.has(abs);
    });
    return {
      title: a.title,
      standfirst: a.standfirst,
      byline: a.byline,
      canonicalUrl: a.canonicalUrl,
      language: a.language,
      body: filtered.nodes,
      rawBody: !isExcerpt && !hasImage(body) ? a.body : null,
      isExcerpt,
      images,
      omittedImages: omitted + filtered.removed,
      correction: a.state === 'corrected' ? a.stateNote || 'This article has been corrected.' : null,
    };
  });
}

const hasImage = (nodes: BodyNode[]): boolean =>
  nodes.some((n) => n.type === 'el' && (n.tag === 'img' || hasImage(n.children)));

export const pixelUrl = (site: string, code: string) => `${site}/api/pixel/${code}.gif`;

function omittedNote(n: number): string {
  return n === 1
    ? 'One image from the original is not included: its rights belong to a third party and it is not covered by this licence.'
    : `${n} images from the original are not included: their rights belong to third parties and they are not covered by this licence.`;
}

const excerptNote = (url: string) => `This is a licensed excerpt. The full article: ${url}`;

/** The JWS as inert data (an unknown script type never runs); base64url and dots need no escaping. */
const jwsElement = (jws: string) => `<script type="application/jose" class="licence-jws">${esc(jws)}</script>`;

export function htmlCopy(license: LicenseRow, articles: PreparedArticle[], site: string, rights: CopyRights): string {
  const single = articles.length === 1;
  const blocks = articles.map((a, i) => {
    const lines: string[] = [];
    lines.push(`<!-- Article ${i + 1} of ${articles.length}: paste from here -->`);
    lines.push(`<article lang="${esc(a.language)}">`);
    // The rights travel with each pasted article: JSON-LD and the signed licence facts.
    lines.push(jsonLdElement(copyJsonLd(rights, a)));
    lines.push(jwsElement(rights.jws));
    // With one article the document head carries the canonical link; several articles are pasted separately.
    if (!single) lines.push(`<link rel="canonical" href="${esc(a.canonicalUrl)}">`);
    lines.push(`<h1>${esc(a.title)}</h1>`);
    if (a.standfirst) lines.push(`<p class="standfirst"><strong>${esc(a.standfirst)}</strong></p>`);
    if (a.byline) lines.push(`<p class="byline">By ${esc(a.byline)}</p>`);
    if (a.correction) lines.push(`<p class="correction"><em>Correction: ${esc(a.correction)}</em></p>`);
    for (const img of a.images) {
      const caption = [img.caption && esc(img.caption), img.credit && `<small>${esc(img.credit)}</small>`]
        .filter(Boolean)
        .join(' ');
      lines.push(
        `<figure><img src="${esc(img.src)}" alt="${esc(img.caption)}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`,
      );
    }
    if (a.omittedImages) lines.push(`<p class="image-note"><em>${esc(omittedNote(a.omittedImages))}</em></p>`);
    lines.push(a.rawBody ?? toHtml(a.body));
    if (a.isExcerpt)
      lines.push(
        `<p class="excerpt-note"><em>This is a licensed excerpt. <a href="${esc(a.canonicalUrl)}">Read the full article</a>.</em></p>`,
      );
    lines.push(
      `<p class="credit-line">${esc(license.creditLine)} <a href="${esc(a.canonicalUrl)}">Read the original</a>. <a rel="license" href="${esc(rights.verifyUrl)}">Licence ${esc(license.code)}</a>.</p>`,
    );
    lines.push(`<img src="${esc(pixelUrl(site, license.code))}" width="1" height="1" alt="">`);
    lines.push('</article>');
    lines.push(`<!-- Article ${i + 1}: paste to here -->`);
    return lines.join('\n');
  });
  const title = single ? articles[0].title : `Licensed copies under ${license.code}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(articles[0]?.language ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    single ? `<link rel="canonical" href="${esc(articles[0].canonicalUrl)}">` : '',
    `<link rel="license" href="${esc(rights.verifyUrl)}">`,
    '</head>',
    '<body>',
    `<!-- Licensed copy, licence ${license.code}. ${esc(scopeLine(license))} Keep the headline, byline, credit line, link and the 1×1 image: they are conditions of the licence. Verify: ${esc(site)}/licenses/${license.code} -->`,
    ...blocks,
    '</body>',
    '</html>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/**
 * YAML front matter: every value as a JSON string, which is also a YAML double-quoted scalar, so
 * no title or credit can break out of its line.
 */
function frontMatter(rights: CopyRights, articles: PreparedArticle[]): string {
  const lines = rightsFields(rights).map((f) => `${f.key}: ${JSON.stringify(f.value)}`);
  lines.push('articles:');
  for (const a of articles)
    lines.push(`  - title: ${JSON.stringify(a.title)}`, `    is_based_on: ${JSON.stringify(a.canonicalUrl)}`);
  lines.push(`jws: ${JSON.stringify(rights.jws)}`);
  return ['---', ...lines, '---', ''].join('\n');
}

export function markdownCopy(
  license: LicenseRow,
  articles: PreparedArticle[],
  site: string,
  rights: CopyRights,
): string {
  const parts = articles.map((a) => {
    const out: string[] = [`# ${md(a.title)}`];
    if (a.standfirst) out.push(`**${md(a.standfirst)}**`);
    if (a.byline) out.push(`By ${md(a.byline)}`);
    if (a.correction) out.push(`*Correction: ${md(a.correction)}*`);
    for (const img of a.images)
      out.push(`![${md(img.caption)}](<${img.src}>)\n*${md([img.caption, img.credit].filter(Boolean).join(' — '))}*`);
    if (a.omittedImages) out.push(`*${omittedNote(a.omittedImages)}*`);
    out.push(toMarkdown(a.body));
    if (a.isExcerpt) out.push(`*${excerptNote(`<${a.canonicalUrl}>`)}*`);
    out.push(`${md(license.creditLine)} Original: <${a.canonicalUrl}>`);
    out.push(`<img src="${esc(pixelUrl(site, license.code))}" width="1" height="1" alt="">`);
    return out.join('\n\n');
  });
  return `${frontMatter(rights, articles)}\n${parts.join('\n\n---\n\n')}\n\n---\n\n*${md(scopeLine(license))}*\n`;
}

/** The text copy's header block: the same fields, one "Label: value" a line, and each original (isBasedOn). */
function textHeader(rights: CopyRights, articles: PreparedArticle[]): string {
  const lines = rightsFields(rights).map((f) => `${f.label}: ${f.value}`);
  const originals = articles.map((a) => `Based on: ${a.canonicalUrl}`);
  return ['LICENSED COPY', ...lines, ...originals, `Signature (JWS): ${rights.jws}`, '='.repeat(60)].join('\n');
}

export function textCopy(license: LicenseRow, articles: PreparedArticle[], site: string, rights: CopyRights): string {
  const parts = articles.map((a) => {
    const out: string[] = [a.title];
    if (a.standfirst) out.push(a.standfirst);
    if (a.byline) out.push(`By ${a.byline}`);
    if (a.correction) out.push(`Correction: ${a.correction}`);
    for (const img of a.images)
      out.push(`[Image: ${[img.caption, img.credit].filter(Boolean).join(' — ')} — ${img.src}]`);
    if (a.omittedImages) out.push(`[${omittedNote(a.omittedImages)}]`);
    out.push(toText(a.body));
    if (a.isExcerpt) out.push(excerptNote(a.canonicalUrl));
    out.push(license.creditLine);
    out.push(`Original: ${a.canonicalUrl}`);
    return out.join('\n\n');
  });
  const footer = `${scopeLine(license)}\nVerify this licence: ${site}/licenses/${license.code}\nOn the web, use the HTML copy: it carries the usage pixel the licence requires.`;
  return `${textHeader(rights, articles)}\n\n${parts.join('\n\n* * *\n\n')}\n\n${footer}\n`;
}
