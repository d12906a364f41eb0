// Turning what people type into a safe FTS5 MATCH expression, and FTS5's marked-up snippets into
// something a page can render without ever interpreting text as HTML.
import { escapeHtml } from '@/lib/html';

/** Longest search we look at; anything after it is ignored rather than refused. */
export const MAX_QUERY_CHARS = 1000;
/** More words than this add cost but hardly change the results. */
export const MAX_TERMS = 12;

// A term is a run of letters, digits, marks and private-use characters holding at least one
// letter or digit: the same characters the unicode61 tokenizer keeps. Everything else (quotes,
// operators' punctuation, `*`, `:`, `^`, emoji) separates terms, so none of it reaches MATCH.
const TERM = /[\p{L}\p{N}\p{M}\p{Co}]*[\p{L}\p{N}][\p{L}\p{N}\p{M}\p{Co}]*/gu;

/** The distinct terms of a search, lower-cased, at most MAX_TERMS. */
export function searchTerms(input: string): string[] {
  const text = input.slice(0, MAX_QUERY_CHARS).normalize('NFKC').toLowerCase();
  const out: string[] = [];
  for (const m of text.matchAll(TERM)) {
    if (!out.includes(m[0])) out.push(m[0]);
    if (out.length === MAX_TERMS) break;
  }
  return out;
}

/**
 * One quoted phrase per term, all required (implicit AND). Words like AND, OR, NEAR or NOT are
 * inside quotes, so FTS5 reads them as words, never as operators. A term is a prefix (`"quillw"*`)
 * unless it is a single character (which would expand to most of the vocabulary) or listed in
 * `exact` (see search.ts: very common complete words).
 */
export function matchExpression(terms: string[], exact: ReadonlySet<string> = new Set()): string | null {
  if (!terms.length) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"${t.length > 1 && !exact.has(t) ? '*' : ''}`).join(' ');
}

/** Longest prefix FTS5 keeps an index for (prefix='2 3 4' in the migration). */
export const INDEXED_PREFIX = 4;

/**
 * The expression used for highlighting one known result. A prefix longer than the prefix index
 * is shortened to it: FTS5 would otherwise merge every matching doclist again for each result.
 * The looser stem can mark extra words ("harbinger" for "harbou"); refineHits unmarks them.
 */
export function highlightExpression(terms: string[], exact: ReadonlySet<string> = new Set()): string | null {
  const shortened = terms.map((t) =>
    t.length > 1 && !exact.has(t) ? Array.from(t).slice(0, INDEXED_PREFIX).join('') : t,
  );
  return matchExpression(shortened, exact);
}

/** Case- and accent-insensitive form, as the unicode61 tokenizer with remove_diacritics compares. */
export const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Unmarks words that only the shortened stems of highlightExpression matched. Every other mark
 * is FTS5's own and is kept as it is.
 */
export function refineHits(segments: Segment[], terms: string[], exact: ReadonlySet<string> = new Set()): Segment[] {
  const long = terms.filter((t) => t.length > INDEXED_PREFIX && !exact.has(t)).map(fold);
  if (!long.length) return segments;
  const others = terms.filter((t) => !(t.length > INDEXED_PREFIX && !exact.has(t))).map(fold);
  const stems = long.map((t) => Array.from(t).slice(0, INDEXED_PREFIX).join(''));
  return segments.map((s) => {
    if (!s.hit) return s;
    const text = fold(s.text);
    const onlyStem =
      stems.some((stem) => text.startsWith(stem)) &&
      !long.some((t) => text.startsWith(t)) &&
      !others.some((t) => text.startsWith(t));
    return onlyStem ? { text: s.text, hit: false } : s;
  });
}

// Markers FTS5 puts around hits in snippet()/highlight(). Private-use characters: they do not occur
// in normal text, and if one ever does, the worst outcome is a misplaced highlight.
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

export type Segment = { text: string; hit: boolean };

/** Splits marked text into plain and highlighted runs. */
export function parseMarked(marked: string): Segment[] {
  const out: Segment[] = [];
  let hit = false;
  let buf = '';
  const flush = () => {
    if (buf) out.push({ text: buf, hit });
    buf = '';
  };
  for (const ch of marked) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      flush();
      hit = ch === MARK_OPEN;
    } else buf += ch;
  }
  flush();
  return out;
}

export const hasHit = (segments: Segment[]) => segments.some((s) => s.hit);

/** For the JSON API: every character escaped, then only our own hits wrapped in <mark>. */
export function segmentsToHtml(segments: Segment[]): string {
  return segments.map((s) => (s.hit ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('');
}
