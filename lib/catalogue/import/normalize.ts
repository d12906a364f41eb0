import type { ArticleInput } from '../write';
import { creditNamesAgency } from '../agencies';
import { htmlToText, sanitizeBody } from '../sanitize';
import type { RawImage, RawItem } from './types';

export type Normalized = { ok: true; input: ArticleInput } | { ok: false; reason: string };

const DEFAULT_SECTION = 'News';

/**
 * Checks one raw item and turns it into an article: canonical URL, title, body and date are
 * required. Images in the body move out into assets with their credits, so every picture's
 * rights are tracked (and an agency picture can be left out of licensed copies); the body keeps
 * the text. The slug is a proposal; the caller makes it unique.
 */
export function normalizeItem(item: RawItem, agencies: string[]): Normalized {
  if (item.problem) return { ok: false, reason: item.problem };
  const url = canonicalUrl(item.url);
  if (!url)
    return {
      ok: false,
      reason: item.url
        ? `the link "${item.url.slice(0, 100)}" is not an absolute http(s) URL`
        : 'no link: an article needs its canonical URL',
    };
  const title = item.title?.replace(/\s+/g, ' ').trim();
  if (!title) return { ok: false, reason: 'no title' };
  if (!item.body?.trim()) return { ok: false, reason: 'no body (content, description or "body")' };
  const publishedAt = isoDate(item.publishedAt);
  if (!publishedAt)
    return {
      ok: false,
      reason: item.publishedAt ? `the date "${item.publishedAt}" is not a date` : 'no publication date',
    };
  if (item.embargoUntil && !isoDate(item.embargoUntil))
    return { ok: false, reason: `the embargo "${item.embargoUntil}" is not a date` };

  const { body, images } = extractImages(sanitizeBody(item.body));
  if (!htmlToText(body)) return { ok: false, reason: 'the body has no text once unsafe markup is removed' };
  const assets = [...(item.images ?? []), ...images].flatMap((img) => asset(img, agencies));
  return {
    ok: true,
    input: {
      slug:
        slugify(item.slug ?? '') ||
        slugify(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '') ||
        slugify(title) ||
        'article',
      title: title.slice(0, 500),
      standfirst: (item.standfirst ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000),
      body,
      authors: (item.authors ?? []).map((a) => a.replace(/\s+/g, ' ').trim()).filter(Boolean),
      section: item.section?.replace(/\s+/g, ' ').trim().slice(0, 80) || DEFAULT_SECTION,
      tags: (item.tags ?? []).map((t) => t.trim().toLowerCase().slice(0, 80)).filter(Boolean),
      language: item.language?.slice(0, 20) || 'en',
      publishedAt,
      updatedAt: isoDate(item.updatedAt) ?? publishedAt,
      canonicalUrl: url,
      premiumMilli: item.premiumMilli,
      rightsStatus: item.rightsStatus,
      embargoUntil: item.embargoUntil ? isoDate(item.embargoUntil) : null,
      assets: dedupe(assets),
    },
  };
}

function canonicalUrl(value?: string): string | null {
  try {
    const url = new URL((value ?? '').trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.toString();
  } catch {
    return null;
  }
}

function isoDate(value?: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\.[a-z0-9]{2,5}$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

const attr = (tag: string, name: string) => {
  const raw = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return raw === undefined ? undefined : htmlToText(raw);
};

/**
 * Pulls <figure>s with an image, and lone <img>s, out of sanitized HTML. Sanitized output has
 * normalised markup (double-quoted attributes, escaped text), which is what makes these patterns
 * reliable; they only read metadata, the body was made safe before.
 */
function extractImages(html: string): { body: string; images: RawImage[] } {
  const images: RawImage[] = [];
  let body = html.replace(/<figure>([\s\S]*?)<\/figure>/g, (whole, inner: string) => {
    const img = /<img\b[^>]*>/.exec(inner)?.[0];
    if (!img) return whole;
    const caption = htmlToText(/<figcaption>([\s\S]*?)<\/figcaption>/.exec(inner)?.[1] ?? '');
    images.push({ url: attr(img, 'src') ?? '', ...splitCredit(caption || attr(img, 'alt') || '', attr(img, 'title')) });
    return '';
  });
  body = body.replace(/<img\b[^>]*>/g, (img) => {
    images.push({ url: attr(img, 'src') ?? '', ...splitCredit(attr(img, 'alt') ?? '', attr(img, 'title')) });
    return '';
  });
  return { body: body.replace(/<p>\s*<\/p>/g, '').trim(), images };
}

/** "Divers at work. Photo: AFP/Jo Lin" → caption "Divers at work.", credit "Photo: AFP/Jo Lin". */
function splitCredit(text: string, title?: string): { caption: string; credit: string } {
  const m = /(?:^|\s)((?:photo(?:graph)?|picture|image|illustration|credit)s?\s*(?::|by)\s*\S.*)$/i.exec(text);
  if (m) return { caption: text.slice(0, m.index).trim(), credit: m[1]!.trim() };
  return { caption: text.trim(), credit: (title ?? '').trim() };
}

function asset(img: RawImage, agencies: string[]): ArticleInput['assets'] {
  const url = img.url.trim();
  if (!/^(https?:\/\/|\/(?!\/))/i.test(url)) return [];
  const credit = (img.credit ?? '').replace(/\s+/g, ' ').trim();
  return [
    {
      url,
      caption: (img.caption ?? '').trim(),
      credit,
      rightsHolder: img.rightsHolder?.trim() || rightsHolderOf(credit, agencies),
    },
  ];
}

/** The agency a credit names, else its last "/"-separated part without the "Photo:" prefix. */
function rightsHolderOf(credit: string, agencies: string[]): string {
  const agency = agencies.find((a) => creditNamesAgency(credit, [a]));
  if (agency) return agency;
  const bare = credit.replace(/^(?:photo(?:graph)?|picture|image|illustration|credit)s?\s*(?::|by)\s*/i, '');
  return bare.split('/').pop()!.trim();
}

function dedupe(assets: ArticleInput['assets']): ArticleInput['assets'] {
  const seen = new Set<string>();
  return assets.filter((a) => !seen.has(a.url) && seen.add(a.url));
}
