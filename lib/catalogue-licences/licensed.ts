import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Conn } from '@/db/client';
import { articles, requestArticles, settings, type License } from '@/db/schema';
import { DEFAULT_SETTINGS, type AiSettings } from '@/lib/settings';
import type { LicenseTerms } from '@/lib/licenses/issue';
import { selectionSql } from './selection';

/*
 * Which articles a catalogue licence covers (docs/DESIGN.md § AI and catalogue licences, the contract
 * of issue 18): the ids frozen at issue — the request's request_articles, replaced by the selection as
 * it stood in the approval transaction — plus, for an ongoing selection, the articles matching it that
 * were published after the licence was issued and up to its end (or now, if sooner). Both parts are
 * one SQL condition, so a page of the export, the set and the kill-notice lookup can never disagree.
 */

/** What a catalogue licence's frozen terms add (its `articles` stay empty): lib/licenses/issue.ts. */
export type CatalogueTerms = NonNullable<LicenseTerms['catalogue']>;

type LicenseLike = Pick<License, 'id' | 'requestId' | 'createdAt' | 'validUntil'> & { terms: unknown };

/** The catalogue part of a licence's terms; null for a per-article licence. */
export function catalogueTermsOf(license: { terms: unknown }): CatalogueTerms | null {
  const c = (license.terms as LicenseTerms).catalogue;
  return c && typeof c === 'object' && c.selection ? c : null;
}

/** The AI policies as stored now, read through the caller's connection (a transaction too). */
export function aiSettingsOn(conn: Conn): AiSettings {
  const row = conn.select({ value: settings.value }).from(settings).where(eq(settings.key, 'ai')).get();
  return (row?.value as AiSettings | undefined) ?? DEFAULT_SETTINGS.ai;
}

const earlier = (a: string, b: string) => (new Date(a).getTime() <= new Date(b).getTime() ? a : b);

/**
 * The condition "this article is licensed by `license` at `now`". An ongoing selection is evaluated
 * with today's rules (visibility, exclusions, the sections' AI policies): an article staff have since
 * kept out is not picked up, while the frozen ids stay licensed whatever happens to them later — except
 * that withdrawn ones are no longer exported (exportableSql).
 */
export function licensedSql(license: LicenseLike, now: Date, ai: AiSettings): SQL {
  const frozen = sql`${articles.id} in (select ${requestArticles.articleId} from ${requestArticles} where ${requestArticles.requestId} = ${license.requestId})`;
  const catalogue = catalogueTermsOf(license);
  if (!catalogue?.ongoing) return frozen;
  const use = (license.terms as LicenseTerms).use;
  const until = license.validUntil ? earlier(license.validUntil, now.toISOString()) : now.toISOString();
  const ongoing = sql`(${selectionSql(catalogue.selection, use, ai, {
    now,
    publishedAfter: new Date(license.createdAt).toISOString(),
  })} and ${articles.publishedAt} <= ${until})`;
  return sql`(${frozen} or ${ongoing})`;
}

/** Licensed and still exportable: a withdrawn article is never sent again (its kill notice went out). */
export function exportableSql(license: LicenseLike, now: Date, ai: AiSettings): SQL {
  return sql`(${licensedSql(license, now, ai)} and ${articles.state} <> 'withdrawn')`;
}

/** Every id the licence covers at `now`, ascending (the export's order: its cursor is the last id). */
export function licensedArticleIds(
  license: LicenseLike,
  conn: Conn,
  now = new Date(),
  ai: AiSettings = aiSettingsOn(conn),
): number[] {
  return conn
    .all<{ id: number }>(
      sql`select ${articles.id} as id from ${articles} where ${licensedSql(license, now, ai)} order by ${articles.id}`,
    )
    .map((r) => r.id);
}

/** Whether one article is licensed by the licence at `now` (the kill-notice lookup). */
export function coversArticle(
  license: LicenseLike,
  articleId: number,
  conn: Conn,
  now = new Date(),
  ai: AiSettings = aiSettingsOn(conn),
): boolean {
  return !!conn.get(
    sql`select 1 from ${articles} where ${articles.id} = ${articleId} and ${licensedSql(license, now, ai)}`,
  );
}

/**
 * One page of the export: the exportable ids after `afterId`, ascending, at most `limit`, and whether
 * more follow. Walking pages with the last id as cursor visits every exportable id exactly once, new
 * ones of an ongoing selection included (they get higher ids as they are imported).
 */
export function exportPage(
  license: LicenseLike,
  conn: Conn,
  afterId: number,
  limit: number,
  now = new Date(),
  ai: AiSettings = aiSettingsOn(conn),
): { ids: number[]; hasMore: boolean } {
  const rows = conn.all<{ id: number }>(
    sql`select ${articles.id} as id from ${articles}
        where ${articles.id} > ${afterId} and ${exportableSql(license, now, ai)}
        order by ${articles.id} limit ${limit + 1}`,
  );
  const ids = rows.slice(0, limit).map((r) => r.id);
  return { ids, hasMore: rows.length > limit };
}

/** Every exportable id, walking the pages as a client would (tests, bench). */
export function* walkExport(
  license: LicenseLike,
  conn: Conn,
  pageSize = 500,
  now = new Date(),
  ai: AiSettings = aiSettingsOn(conn),
): Generator<number[]> {
  let after = 0;
  for (;;) {
    const { ids, hasMore } = exportPage(license, conn, after, pageSize, now, ai);
    if (ids.length) yield ids;
    if (!hasMore) return;
    after = ids[ids.length - 1]!;
  }
}
