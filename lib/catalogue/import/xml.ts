import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { RightsStatus } from '@/db/schema';
import { htmlToText } from '../sanitize';
import { ImportFileError, lineCol, type RawImage, type RawItem } from './types';

// RSS 2.0 (with content:encoded, dc:creator and Media RSS) and Atom 1.0, read into RawItems.
// The whole file is validated first: a broken file yields one error with its line and column.

const LISTS = new Set(['item', 'entry', 'category', 'link', 'author', 'dc:creator', 'media:content', 'enclosure']);
const META = XMLParser.getMetaDataSymbol() as unknown as string;

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  captureMetaData: true,
  isArray: (name) => LISTS.has(name),
});

export function parseFeed(text: string, file: string): RawItem[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ImportFileError(file, `${valid.err.line}:${valid.err.col}`, valid.err.msg);
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (e) {
    throw new ImportFileError(file, '', (e as Error).message);
  }
  const place = (node: Node, kind: string, i: number) => {
    const start = (node[META] as { startIndex?: number } | undefined)?.startIndex;
    return start === undefined ? `${kind} ${i + 1}` : `${kind} ${i + 1} (line ${lineCol(text, start).line})`;
  };
  if (isNode(doc.rss)) {
    const channel = doc.rss.channel;
    if (!isNode(channel)) throw new ImportFileError(file, '', 'An RSS feed needs a <channel>.');
    const language = str(channel.language)?.toLowerCase();
    return list(channel.item).map((item, i) => rssItem(item, place(item, 'item', i), language));
  }
  if (isNode(doc.feed)) {
    const language = str(doc.feed['@_xml:lang'])?.toLowerCase();
    return list(doc.feed.entry).map((entry, i) => atomEntry(entry, place(entry, 'entry', i), language));
  }
  throw new ImportFileError(file, '', 'Not an RSS 2.0 (<rss>) or Atom (<feed>) document.');
}

function rssItem(item: Node, place: string, language?: string): RawItem {
  const content = str(item['content:encoded']);
  const description = str(item.description);
  const categories = list(item.category).map((c) => ({ term: str(c), scheme: str(c['@_domain']) }));
  const guid = item.guid;
  const permalink = isNode(guid) ? guid['@_isPermaLink'] !== 'false' && str(guid) : str(guid);
  return {
    place,
    url: str(list(item.link)[0]) ?? (permalink || undefined),
    title: str(item.title),
    standfirst: content && description ? htmlToText(description) : '',
    body: content ?? description,
    authors: rssAuthors(item),
    ...sectionAndTags(categories),
    language,
    publishedAt: str(item.pubDate) ?? str(item['dc:date']),
    images: [...mediaImages(item), ...list(item.enclosure).flatMap((e) => imageLink(e['@_url'], e['@_type']))],
    rightsStatus: syndicated(item),
  };
}

function atomEntry(entry: Node, place: string, language?: string): RawItem {
  const links = list(entry.link);
  const alternate = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate');
  const content = entry.content;
  const summary = str(entry.summary);
  const categories = list(entry.category).map((c) => ({
    term: str(c['@_term']) ?? str(c['@_label']),
    scheme: str(c['@_scheme']),
  }));
  return {
    place,
    url: str(alternate?.['@_href']) ?? (/^https?:\/\//.test(str(entry.id) ?? '') ? str(entry.id) : undefined),
    title: textOf(entry.title),
    standfirst: content !== undefined && summary ? htmlToText(summary) : '',
    // type="xhtml" arrives as parsed XML, not text; the importer reports it rather than guess.
    body:
      content === undefined
        ? summary
        : typeof content === 'string' || typeof (content as Node)['#text'] === 'string'
          ? str(content)
          : undefined,
    authors: list(entry.author).flatMap((a) => str(a.name) ?? []),
    ...sectionAndTags(categories),
    language: str(entry['@_xml:lang'])?.toLowerCase() ?? language,
    publishedAt: str(entry.published) ?? str(entry.updated),
    updatedAt: str(entry.updated),
    images: [
      ...mediaImages(entry),
      ...links.filter((l) => l['@_rel'] === 'enclosure').flatMap((l) => imageLink(l['@_href'], l['@_type'])),
    ],
    rightsStatus: syndicated(entry),
  };
}

/** `<category domain="section">` (RSS) or a scheme ending in "section" (Atom) names the section; otherwise the first category does. */
function sectionAndTags(categories: { term?: string; scheme?: string }[]): { section?: string; tags: string[] } {
  const named = categories.filter((c) => c.term);
  const marked = named.find((c) => /section$/i.test(c.scheme ?? ''));
  const chosen = marked ?? named[0];
  return { section: chosen?.term, tags: named.filter((c) => c !== chosen).map((c) => c.term!) };
}

function rssAuthors(item: Node): string[] {
  const creators = list(item['dc:creator']).flatMap((c) => str(c) ?? []);
  if (creators.length) return creators.flatMap((c) => c.split(/\s*(?:,|\band\b|&)\s*/)).filter(Boolean);
  // RSS <author> is "email (Name)"; keep the name.
  const author = str(item.author);
  if (!author) return [];
  return [/\(([^)]+)\)/.exec(author)?.[1] ?? author.replace(/\S+@\S+/, '').trim()].filter(Boolean);
}

function mediaImages(node: Node): RawImage[] {
  return list(node['media:content']).flatMap((m) => {
    const url = str(m['@_url']);
    const medium = str(m['@_medium']);
    const type = str(m['@_type']);
    if (!url || (medium && medium !== 'image') || (type && !type.startsWith('image/'))) return [];
    const credit = str(m['media:credit']) ?? '';
    return [{ url, credit, caption: htmlToText(str(m['media:description']) ?? str(m['media:title']) ?? '') }];
  });
}

function imageLink(url: unknown, type: unknown): RawImage[] {
  const u = str(url);
  return u && (str(type) ?? '').startsWith('image/') ? [{ url: u, credit: '', caption: '' }] : [];
}

/** An item that names another feed as its <source> was syndicated to the desk. */
function syndicated(node: Node): RightsStatus | undefined {
  return node.source !== undefined ? 'syndicated_in' : undefined;
}

function textOf(value: unknown): string | undefined {
  const s = str(value);
  return s && isNode(value) && value['@_type'] === 'html' ? htmlToText(s) : s;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (isNode(value) && value['#text'] !== undefined) return str(value['#text']);
  return undefined;
}

function list(value: unknown): Node[] {
  const arr = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return arr.map((v) => (isNode(v) ? v : { '#text': v }));
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
