import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { connectionOf, preparedFor } from '@/db/prepared';
import { memo } from './cache';
import {
  highlightExpression,
  INDEXED_PREFIX,
  MARK_CLOSE,
  MARK_OPEN,
  matchExpression,
  parseMarked,
  refineHits,
  searchTerms,
  type Segment,
} from './fts';

/**
 * Relevance is computed over the newest SEARCH_WINDOW matches (by insertion order), never over
 * every match: ranking all 80,000 articles that mention "harbour" costs ~100 ms at 100k, while a
 * bounded window keeps a search about as fast at 100,000 articles as at 1,000. Beyond the window
 * the page says "1,000+ results" and asks for a narrower search.
 */
export const SEARCH_WINDOW = 1000;
/**
 * A complete word found in at least this many articles is matched exactly, not as a prefix:
 * FTS5 expands a prefix longer than its prefix index (4 characters) by merging every matching
 * doclist in full, which for a word that common costs more than the rest of the search.
 */
export const COMMON_TERM = 2000;

const CACHE_MS = 60_000;

/** What a search looks for: the MATCH expression, and what highlighting needs. */
export type SearchPlan = { match: string; highlight: string; terms: string[]; exact: Set<string> };

/** The plan for a search, or null when it holds no searchable word. */
export function planSearch(db: Db, q: string): SearchPlan | null {
  const terms = searchTerms(q);
  const exact = new Set<string>();
  for (const t of terms) {
    if (t.length <= INDEXED_PREFIX) continue;
    const common = memo(db, `common:${t}`, CACHE_MS, () => {
      const row = db.get<{ n: number }>(
        sql`select count(*) as n from (select rowid from articles_fts where articles_fts match ${`"${t}"`} limit ${COMMON_TERM})`,
      );
      return (row?.n ?? 0) >= COMMON_TERM;
    });
    if (common) exact.add(t);
  }
  const match = matchExpression(terms, exact);
  const highlight = highlightExpression(terms, exact);
  return match && highlight ? { match, highlight, terms, exact } : null;
}

export type Hit = { id: number; score: number; publishedAt: string };
export type SearchWindow = { hits: Hit[]; capped: boolean };

/**
 * The newest SEARCH_WINDOW matches that pass `where` (conditions on `articles`), with their
 * weighted bm25 scores (title 10, standfirst 4, body 1; lower is better).
 */
export function searchWindow(db: Db, match: string, where: SQL, key: string): SearchWindow {
  return memo(db, `window:${match}:${key}`, CACHE_MS, () => {
    // CROSS JOIN keeps the FTS index as the outer loop: the planner must never run MATCH once
    // per candidate article.
    const rows = db.all<Hit>(sql`
      select articles_fts.rowid as id, bm25(articles_fts, 10.0, 4.0, 1.0) as score, articles.published_at as publishedAt
      from articles_fts cross join articles on articles.id = articles_fts.rowid
      where articles_fts match ${match} and ${where}
      order by articles_fts.rowid desc
      limit ${SEARCH_WINDOW + 1}`);
    return { hits: rows.slice(0, SEARCH_WINDOW), capped: rows.length > SEARCH_WINDOW };
  });
}

export function rankHits(hits: Hit[], sort: 'relevance' | 'newest'): Hit[] {
  const byDate = (a: Hit, b: Hit) =>
    a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : b.id - a.id;
  return [...hits].sort(sort === 'newest' ? byDate : (a, b) => a.score - b.score || byDate(a, b));
}

export type Highlights = { title: Segment[]; standfirst: Segment[]; snippet: Segment[] | null };

/**
 * Highlighted title and standfirst and a body snippet for a page of results: one `rowid = ?`
 * lookup per result, which FTS5 answers by seeking in each term's doclist. The id must reach
 * FTS5 as an INTEGER: better-sqlite3 binds JS numbers as REAL, and FTS5 silently ignores a rowid
 * constraint that is not an integer (every match would come back), hence the cast.
 */
export function highlightsFor(db: Db, plan: SearchPlan, ids: number[]): Map<number, Highlights> {
  // snippet() costs ~0.3 ms a row whatever the archive size; a page asked for again is remembered.
  return memo(db, `hl:${plan.match}:${ids.join(',')}`, CACHE_MS, () => computeHighlights(db, plan, ids));
}

function computeHighlights(db: Db, plan: SearchPlan, ids: number[]): Map<number, Highlights> {
  const out = new Map<number, Highlights>();
  const marked = (text: string | null) => refineHits(parseMarked(text ?? ''), plan.terms, plan.exact);
  for (const id of ids) {
    const r = highlightRow(db).get({ match: plan.highlight, id, open: MARK_OPEN, close: MARK_CLOSE });
    if (!r) continue;
    const snippet = marked(r.body);
    out.set(id, {
      title: marked(r.title),
      standfirst: marked(r.standfirst),
      snippet: snippet.some((s) => s.hit) ? snippet : null,
    });
  }
  return out;
}

/**
 * Merges the full-text index into one segment. Row-by-row inserts leave many segments, and every
 * lookup seeks in each; after a bulk load this makes searches several times faster.
 */
export function optimizeSearchIndex(db: Db): void {
  db.run(sql`insert into articles_fts (articles_fts) values ('optimize')`);
}

// One fixed-shape statement per highlighted row, prepared once per connection (db/prepared.ts).
const highlightRow = preparedFor((db) =>
  connectionOf(db).prepare<
    { match: string; id: number; open: string; close: string },
    { title: string; standfirst: string; body: string }
  >(`
    select highlight(articles_fts, 0, @open, @close) as title,
      highlight(articles_fts, 1, @open, @close) as standfirst,
      snippet(articles_fts, 2, @open, @close, '…', 24) as body
    from articles_fts where articles_fts match @match and rowid = cast(@id as integer)`),
);
