/**
 * A catalogue licence for tests/e2e/catalogue-export.spec.ts, written straight into the e2e server's
 * DATA_DIR per the contract of issue 18 (tests/helpers/catalogue-licences.ts):
 *   tsx tests/e2e/support/catalogue-seed.ts issue <publisher email> <section>
 *     → {"code","reference","articles":[{"id","uri"}…]} (the licensed articles, by id)
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, users } from '@/db/schema';
import { licensedArticleIds } from '@/lib/catalogue-licences/licensed';
import { makeCatalogueLicense } from '../../helpers/catalogue-licences';

function main() {
  const [cmd, email, section] = process.argv.slice(2);
  if (cmd !== 'issue' || !email || !section) throw new Error('usage: issue <publisher email> <section>');
  const db = getDb();
  const user = db.select().from(users).where(eq(users.email, email)).get()!;
  const license = makeCatalogueLicense(db, {
    organizationId: user.organizationId!,
    requesterId: user.id,
    selection: { sections: [section] },
    use: 'ai-input',
  });
  const licensed = licensedArticleIds(license, db).map((id) => ({
    id,
    uri: db.select({ uri: articles.canonicalUrl }).from(articles).where(eq(articles.id, id)).get()!.uri,
  }));
  db.$client.close();
  console.log(JSON.stringify({ code: license.code, reference: license.terms.reference, articles: licensed }));
}

main();
