import { htmlToText } from './sanitize';

/** One block of the preview: a paragraph, a subheading, a quotation or a list item, as plain text. */
export type PreviewBlock = { kind: 'p' | 'h2' | 'h3' | 'blockquote' | 'li'; text: string };

// A character no article text carries, marking where each block of the sanitized body starts.
const BLOCK = '\uE000';
const KINDS: Record<string, PreviewBlock['kind']> = {
  p: 'p',
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h3',
  h5: 'h3',
  h6: 'h3',
  blockquote: 'blockquote',
  li: 'li',
  figcaption: 'p',
};

/**
 * The opening blocks of a (sanitized) body with their structure — subheadings stay headings —
 * about `words` words and never more than half the article, so a preview is never the whole text.
 * It ends at a block boundary, never on a subheading; a first block longer than that is cut at a word.
 */
export function previewBlocks(html: string, words = 120): readonly PreviewBlock[] {
  if (words !== PREVIEW_WORDS) return computePreview(html, words);
  let blocks = memo.get(html);
  if (blocks) {
    // Most recently used last: the Map's first key is the one to drop.
    memo.delete(html);
  } else {
    blocks = Object.freeze(computePreview(html, words));
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  }
  memo.set(html, blocks);
  return blocks;
}

const PREVIEW_WORDS = 120;
/**
 * The article page parsed the body's HTML on every request (htmlparser2 and its entity decoder
 * were ~5% of a signed-in article page's CPU). The preview depends on the body alone, so it is
 * kept per body text: an edited body is a new key, never a stale preview. Bounded, least
 * recently used out.
 */
const MEMO_SIZE = 500;
const memo = new Map<string, readonly PreviewBlock[]>();

function computePreview(html: string, words: number): PreviewBlock[] {
  const marked = html.replace(/<(p|h[1-6]|blockquote|li|figcaption)\b[^>]*>/gi, (_m, tag: string) => {
    return `\n\n${BLOCK}${tag.toLowerCase()}${BLOCK}`;
  });
  const blocks: PreviewBlock[] = [];
  let pending: PreviewBlock['kind'] | null = null;
  for (const chunk of htmlToText(marked).split(/\n{2,}/)) {
    const m = new RegExp(`^${BLOCK}([a-z0-9]+)${BLOCK}`).exec(chunk.trim());
    const text = (m ? chunk.trim().slice(m[0].length) : chunk).trim();
    const kind: PreviewBlock['kind'] = m ? (KINDS[m[1]] ?? 'p') : (pending ?? 'p');
    // <blockquote><p>…</p></blockquote>: the quotation is the kind of the paragraph inside it.
    if (!text) {
      if (kind === 'blockquote') pending = kind;
      continue;
    }
    blocks.push({ kind: pending === 'blockquote' && kind === 'p' ? 'blockquote' : kind, text });
    pending = null;
  }
  const count = (t: string) => t.split(/\s+/).length;
  const total = blocks.reduce((n, b) => n + count(b.text), 0);
  const limit = Math.max(1, Math.min(words, Math.floor(total / 2)));
  const out: PreviewBlock[] = [];
  let n = 0;
  for (const b of blocks) {
    const size = count(b.text);
    if (n + size > limit) {
      if (!out.length) out.push({ ...b, text: `${b.text.split(/\s+/).slice(0, limit).join(' ')} …` });
      break;
    }
    out.push(b);
    n += size;
  }
  // A subheading with nothing under it promises what the preview does not show.
  while (out.length > 1 && (out[out.length - 1].kind === 'h2' || out[out.length - 1].kind === 'h3')) out.pop();
  return out;
}
