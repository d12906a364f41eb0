import { RIGHTS_STATUSES, type RightsStatus } from '@/db/schema';
import { ImportFileError, lineCol, type RawImage, type RawItem } from './types';

// The JSON import format (documented in README.md, "Catalogue and import"):
//   { "articles": [ { "url", "title", "body", "publishedAt", ...optional fields } ] }
// or just the array. The file must be valid JSON holding that array; each article is then checked
// on its own, and one with a missing or wrong field is skipped with the reason.

export function parseJsonFile(text: string, file: string): RawItem[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message)?.[1];
    const where = pos === undefined ? '' : (({ line, col }) => `${line}:${col}`)(lineCol(text, Number(pos)));
    throw new ImportFileError(file, where, `Not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
  const list = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.articles) ? doc.articles : null;
  if (!list)
    throw new ImportFileError(file, '', 'Expected an array of articles, or an object with an "articles" array.');
  return list.map((entry, i) => jsonItem(entry, `articles[${i}]`));
}

function jsonItem(entry: unknown, place: string): RawItem {
  if (!isObject(entry)) return { place, problem: 'each article must be an object' };
  const problems: string[] = [];
  const text = (key: string): string | undefined => {
    const v = entry[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') {
      problems.push(`"${key}" must be text`);
      return undefined;
    }
    return v;
  };
  const texts = (key: string): string[] | undefined => {
    const v = entry[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      problems.push(`"${key}" must be a list of text`);
      return undefined;
    }
    return v as string[];
  };
  const rights = text('rightsStatus');
  if (rights && !(RIGHTS_STATUSES as readonly string[]).includes(rights))
    problems.push(`"rightsStatus" must be one of ${RIGHTS_STATUSES.join(', ')}`);
  const premium = entry.premium;
  if (premium !== undefined && (typeof premium !== 'number' || !(premium >= 0.1 && premium <= 10)))
    problems.push('"premium" must be a number from 0.1 to 10');
  const images = jsonImages(entry.images, problems);
  return {
    place,
    url: text('url'),
    slug: text('slug'),
    title: text('title'),
    standfirst: text('standfirst') ?? '',
    body: text('body'),
    authors: texts('authors'),
    section: text('section'),
    tags: texts('tags'),
    language: text('language'),
    publishedAt: text('publishedAt'),
    updatedAt: text('updatedAt'),
    embargoUntil: text('embargoUntil') ?? null,
    rightsStatus: rights as RightsStatus | undefined,
    premiumMilli: typeof premium === 'number' ? Math.round(premium * 1000) : undefined,
    images,
    ...(problems.length ? { problem: problems.join('; ') } : {}),
  };
}

function jsonImages(value: unknown, problems: string[]): RawImage[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => !isObject(v) || typeof v.url !== 'string')) {
    problems.push('"images" must be a list of { "url", "caption", "credit", "rightsHolder" }');
    return [];
  }
  return value.map((v) => ({
    url: String(v.url),
    caption: typeof v.caption === 'string' ? v.caption : '',
    credit: typeof v.credit === 'string' ? v.credit : '',
    rightsHolder: typeof v.rightsHolder === 'string' ? v.rightsHolder : undefined,
  }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
