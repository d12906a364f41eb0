import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { articles, assets, type Article, type Asset, type RightsStatus } from '@/db/schema';
import { isPubliclyVisible } from './rules';
import { notFound } from '@/lib/errors';

export type AdminArticle = Omit<Article, 'body' | 'bodyText'> & { assets: Asset[]; publiclyVisible: boolean };

export function getArticleForAdmin(id: number, db: Db = getDb()): AdminArticle | null {
  const row = db.select().from(articles).where(eq(articles.id, id)).get();
  if (!row) return null;
  const { body: _body, bodyText: _text, ...rest } = row;
  void _body;
  void _text;
  const list = db
    .select()
    .from(assets)
    .where(eq(assets.articleId, id))
    .orderBy(asc(assets.position), asc(assets.id))
    .all();
  return { ...rest, assets: list, publiclyVisible: isPubliclyVisible(row) };
}

export type RightsEdit = {
  id: number;
  rightsStatus: RightsStatus;
  premiumMilli: number;
  hidden: boolean;
  assets: { id: number; licensable: boolean }[];
};

/**
 * Staff decisions on an article's rights, in one transaction. An asset whose flag staff change is
 * marked as overridden, so neither the agency rule nor a re-import turns it back.
 */
export function updateArticleRights(edit: RightsEdit, db: Db = getDb()): void {
  db.transaction((tx) => {
    const found = tx.select({ id: articles.id }).from(articles).where(eq(articles.id, edit.id)).get();
    if (!found) throw notFound('This article no longer exists.');
    tx.update(articles)
      .set({ rightsStatus: edit.rightsStatus, premiumMilli: edit.premiumMilli, hidden: edit.hidden })
      .where(eq(articles.id, edit.id))
      .run();
    const current = new Map(
      tx
        .select({ id: assets.id, licensable: assets.licensable })
        .from(assets)
        .where(eq(assets.articleId, edit.id))
        .all()
        .map((a) => [a.id, a.licensable]),
    );
    for (const a of edit.assets) {
      // Only this article's assets, and only real changes count as an override.
      if (!current.has(a.id) || current.get(a.id) === a.licensable) continue;
      tx.update(assets)
        .set({ licensable: a.licensable, licensableOverridden: true })
        .where(and(eq(assets.id, a.id), eq(assets.articleId, edit.id)))
        .run();
    }
  });
}
