import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml } from '@/lib/html';
import {
  highlightExpression,
  MARK_CLOSE,
  MARK_OPEN,
  matchExpression,
  MAX_TERMS,
  parseMarked,
  refineHits,
  searchTerms,
  segmentsToHtml,
} from '@/lib/catalogue/fts';
import { previewBlocks } from '@/lib/catalogue/preview';
import { slugify } from '@/lib/catalogue/import/normalize';
import { articleQuerySchema, articleRightsSchema, queryString } from '@/lib/validation/catalogue';

describe('search input → MATCH expression', () => {
  it('quotes every term and makes terms of two or more characters prefixes', () => {
    expect(matchExpression(searchTerms('Quillw'))).toBe('"quillw"*');
    expect(matchExpression(searchTerms('harbour wall a'))).toBe('"harbour"* "wall"* "a"');
    expect(matchExpression(searchTerms('harbour wall'), new Set(['harbour']))).toBe('"harbour" "wall"*');
  });

  it('leaves operators, quotes, stars, column filters and emoji powerless', () => {
    expect(matchExpression(searchTerms('"ferry" AND NEAR(council, 2) OR NOT title:x* ^y'))).toBe(
      '"ferry"* "and"* "near"* "council"* "2" "or"* "not"* "title"* "x" "y"',
    );
    expect(matchExpression(searchTerms('* " ( ) : ^ - + 🐙🚢 ✨'))).toBeNull();
    expect(matchExpression(searchTerms(''))).toBeNull();
  });

  it('keeps letters of every script, folds case and caps the number of terms', () => {
    expect(searchTerms('Café ÇA ça Ñandú 東京 ٣')).toEqual(['café', 'ça', 'ñandú', '東京', '٣']);
    expect(searchTerms(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(MAX_TERMS);
    expect(searchTerms('x'.repeat(5000))[0]).toHaveLength(1000);
  });

  it('never produces anything but quoted terms, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (input) => {
        const expr = matchExpression(searchTerms(input));
        if (expr !== null) expect(expr).toMatch(/^"[^"]+"\*?( "[^"]+"\*?)*$/);
      }),
    );
  });
});

describe('highlighted snippets', () => {
  it('turns only our own markers into <mark> and escapes everything else', () => {
    const marked = `<script>x</script> ${MARK_OPEN}quillwort${MARK_CLOSE} & "more" <img onerror=alert(1)>`;
    const segments = parseMarked(marked);
    expect(segments.filter((s) => s.hit).map((s) => s.text)).toEqual(['quillwort']);
    const html = segmentsToHtml(segments);
    expect(html).toBe(
      '&lt;script&gt;x&lt;/script&gt; <mark>quillwort</mark> &amp; &quot;more&quot; &lt;img onerror=alert(1)&gt;',
    );
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('survives unbalanced markers', () => {
    expect(parseMarked(`a${MARK_CLOSE}b${MARK_OPEN}c`)).toEqual([
      { text: 'a', hit: false },
      { text: 'b', hit: false },
      { text: 'c', hit: true },
    ]);
  });
});

describe('preview blocks', () => {
  it('is kept per body text: the same body is parsed once, an edited body is a new preview', () => {
    const body = `<p>${'first '.repeat(50).trim()}</p><p>${'second '.repeat(200).trim()}</p>`;
    const once = previewBlocks(body);
    expect(previewBlocks(body)).toBe(once);
    expect(Object.isFrozen(once)).toBe(true);
    const edited = previewBlocks(body.replace('first', 'changed'));
    expect(edited).not.toBe(once);
    expect(edited[0]!.text.startsWith('changed')).toBe(true);
  });

  it('shows opening paragraphs, never the whole article', () => {
    const paras = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} ${'word '.repeat(38).trim()}.`);
    const preview = previewBlocks(paras.map((p) => `<p>${p}</p>`).join('\n'));
    expect(preview).toEqual(paras.slice(0, 3).map((text) => ({ kind: 'p', text })));
    expect(previewBlocks('<p>One short paragraph of eight words in it.</p>')).toEqual([
      { kind: 'p', text: 'One short paragraph of …' },
    ]);
    expect(previewBlocks('')).toEqual([]);
  });

  it('keeps subheadings and quotations, and never ends on a subheading', () => {
    const words = (n: number) => 'word '.repeat(n).trim();
    const html = `<p>${words(30)}</p><h2>Roads &amp; walls</h2><p>${words(20)}</p><blockquote><p>${words(10)}</p></blockquote><h3>Next</h3><p>${words(200)}</p>`;
    expect(previewBlocks(html)).toEqual([
      { kind: 'p', text: words(30) },
      { kind: 'h2', text: 'Roads & walls' },
      { kind: 'p', text: words(20) },
      { kind: 'blockquote', text: words(10) },
    ]);
  });
});

describe('query parameters', () => {
  it('accepts the documented parameters and treats empty fields as absent', () => {
    const q = articleQuerySchema.parse({
      q: ' ferry ',
      section: '',
      tag: 'Flooding',
      author: 'Ines Varga',
      from: '2026-01-01',
      to: '2026-01-31',
      licensable: '1',
      sort: 'newest',
      page: '3',
    });
    expect(q).toEqual({
      q: 'ferry',
      section: undefined,
      tag: 'flooding',
      author: 'Ines Varga',
      from: '2026-01-01',
      to: '2026-01-31',
      licensable: true,
      sort: 'newest',
      page: 3,
    });
    expect(articleQuerySchema.parse({})).toMatchObject({ q: '', page: 1, licensable: false });
    expect(queryString(q, { page: 1 })).toBe(
      '?q=ferry&tag=flooding&author=Ines+Varga&from=2026-01-01&to=2026-01-31&sort=newest&licensable=1',
    );
  });

  it('refuses bad paging, dates and flags with a reason per field', () => {
    const bad = articleQuerySchema.safeParse({ page: 'x', from: '2026-02-30', licensable: 'yes', sort: 'random' });
    expect(bad.success).toBe(false);
    const fields = bad.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['page', 'from', 'licensable', 'sort']));
    expect(articleQuerySchema.safeParse({ page: '0' }).success).toBe(false);
    expect(articleQuerySchema.safeParse({ from: '2026-03-02', to: '2026-03-01' }).error?.issues[0]?.path).toEqual([
      'to',
    ]);
  });

  it('cuts a very long search instead of refusing it', () => {
    expect(articleQuerySchema.parse({ q: 'a'.repeat(5000) }).q).toHaveLength(1000);
  });

  it('reads the premium multiplier exactly, in thousandths', () => {
    const base = { id: '1', rightsStatus: 'owned', hidden: false, assets: [] };
    expect(articleRightsSchema.parse({ ...base, premium: '1.25' }).premium).toBe(1250);
    expect(articleRightsSchema.parse({ ...base, premium: '2' }).premium).toBe(2000);
    expect(articleRightsSchema.safeParse({ ...base, premium: '0.05' }).success).toBe(false);
    expect(articleRightsSchema.safeParse({ ...base, premium: '1,5' }).success).toBe(false);
  });
});

describe('slugs', () => {
  it('are lower-case ASCII words joined by hyphens', () => {
    expect(slugify('Café on the Quay — 2026!')).toBe('cafe-on-the-quay-2026');
    expect(slugify('story.html')).toBe('story');
    expect(slugify('🐙')).toBe('');
  });
});

describe('highlighting long prefixes', () => {
  it('shortens them to the indexed stem and unmarks what only the stem matched', () => {
    expect(highlightExpression(['quillw', 'bay', 'harbour', 'a'], new Set(['harbour']))).toBe(
      '"quil"* "bay"* "harbour" "a"',
    );
    const segments = parseMarked(
      `${MARK_OPEN}Quillwort${MARK_CLOSE} and ${MARK_OPEN}quill${MARK_CLOSE}-like ${MARK_OPEN}bay${MARK_CLOSE} ${MARK_OPEN}Quillwörts${MARK_CLOSE}`,
    );
    const refined = refineHits(segments, ['quillw', 'bay']);
    expect(refined.filter((s) => s.hit).map((s) => s.text)).toEqual(['Quillwort', 'bay', 'Quillwörts']);
    expect(refineHits(segments, ['bay'])).toBe(segments);
  });
});
