import type { Db } from '@/db/client';
import { demoArticles, PUBLISHER } from '@/scripts/demo/seed-data/articles';
import { upsertArticle } from '@/lib/catalogue/write';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { articleQuerySchema } from '@/lib/validation/catalogue';

/** The demo desk's articles, as the seed stores them (without accounts or the password hashing). */
export function seedDemoArticles(db: Db) {
  db.transaction((tx) => {
    for (const a of demoArticles) {
      upsertArticle(
        tx,
        {
          ...a,
          body: a.bodyHtml,
          canonicalUrl: `${PUBLISHER.baseUrl}/${a.section.toLowerCase()}/${a.slug}`,
        },
        DEFAULT_SETTINGS.agencies,
      );
    }
  });
}

/** Query parameters as a URL would carry them. */
export const params = (p: Record<string, string> = {}) => articleQuerySchema.parse(p);
