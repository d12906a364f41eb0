import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Conn } from '@/db/client';
import { AI_USES, articles, type CatalogueSelection, type Use } from '@/db/schema';
import { nextDay } from '@/lib/catalogue/filters';
import { licensableSql } from '@/lib/catalogue/rules';
import type { AiSettings } from '@/lib/settings';
import { calendarDate } from '@/lib/validation/dates';

/*
 * Which articles a catalogue licence covers: those matching every filter of its selection, minus the
 * articles that are never in one — hidden, embargoed, withdrawn, not wholly ours (syndicated-in and
 * contributors' pieces: the desk licenses those one by one, after review), or kept out by staff
 * (catalogue_opt_out). For an AI use, only sections whose AI policy is "license" count: a "reserve"
 * section is not for mining at any price, an "allow" one needs no licence. Pictures are never part of
 * a catalogue licence: its copies are text only (so no agency picture can travel in one).
 * docs/DESIGN.md § AI and catalogue licences.
 */

const MAX_FILTERS = 50;
const names = z.array(z.string().trim().min(1).max(100)).max(MAX_FILTERS, `At most ${MAX_FILTERS}.`);

/** The stored and API shape of a selection (the form's fields are read into this). */
export const catalogueSelectionSchema = z
  .strictObject({
    sections: names.default([]),
    tags: names.default([]),
    from: calendarDate().nullable().default(null),
    to: calendarDate().nullable().default(null),
    ongoing: z.boolean().default(false),
  })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { path: ['to'], message: 'The end date is before the start.' })
  .transform((s): CatalogueSelection => ({
    ...s,
    sections: [...new Set(s.sections)].sort(),
    tags: [...new Set(s.tags)].sort(),
  }));

export const isAiUse = (use: Use): boolean => (AI_USES as readonly string[]).includes(use);

/** The sections an AI use may draw on under these settings: null when every section may. */
function aiSectionsSql(ai: AiSettings): SQL | null {
  const listed = Object.entries(ai.sections);
  if (ai.defaultPolicy === 'license') {
    const kept = listed.filter(([, p]) => p !== 'license').map(([s]) => s);
    return kept.length ? sql`${articles.section} not in ${kept}` : null;
  }
  const licensed = listed.filter(([, p]) => p === 'license').map(([s]) => s);
  return licensed.length ? sql`${articles.section} in ${licensed}` : sql`0 = 1`;
}

/** The WHERE clause of a selection for a use, at `now` (visibility and embargoes move with the clock). */
export function selectionSql(
  selection: CatalogueSelection,
  use: Use,
  ai: AiSettings,
  opts: { now?: Date; publishedAfter?: string } = {},
): SQL {
  const now = opts.now ?? new Date();
  const conds: SQL[] = [
    licensableSql(now),
    sql`${articles.rightsStatus} = 'owned'`,
    sql`${articles.catalogueOptOut} = 0`,
  ];
  if (isAiUse(use)) {
    const sections = aiSectionsSql(ai);
    if (sections) conds.push(sections);
  }
  if (selection.sections.length) conds.push(sql`${articles.section} in ${selection.sections}`);
  if (selection.tags.length)
    conds.push(
      sql`exists (select 1 from article_tags t where t.article_id = ${articles.id} and t.tag in ${selection.tags})`,
    );
  if (selection.from) conds.push(sql`${articles.publishedAt} >= ${`${selection.from}T00:00:00.000Z`}`);
  if (selection.to) conds.push(sql`${articles.publishedAt} < ${nextDay(selection.to)}`);
  if (opts.publishedAfter) conds.push(sql`${articles.publishedAt} > ${opts.publishedAfter}`);
  return sql.join(conds, sql` and `);
}

/** How many articles the selection holds now. */
export function countSelection(
  conn: Conn,
  selection: CatalogueSelection,
  use: Use,
  ai: AiSettings,
  opts: { now?: Date; publishedAfter?: string } = {},
): number {
  return (
    conn.get<{ n: number }>(sql`select count(*) as n from ${articles} where ${selectionSql(selection, use, ai, opts)}`)
      ?.n ?? 0
  );
}

/** The ids the selection holds now, oldest first (the order a licence lists and exports them). */
export function selectionArticleIds(
  conn: Conn,
  selection: CatalogueSelection,
  use: Use,
  ai: AiSettings,
  opts: { now?: Date; publishedAfter?: string } = {},
): number[] {
  return conn
    .all<{ id: number }>(
      sql`select ${articles.id} as id from ${articles} where ${selectionSql(selection, use, ai, opts)}
          order by ${articles.publishedAt}, ${articles.id}`,
    )
    .map((r) => r.id);
}
