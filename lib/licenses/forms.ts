import 'server-only';
import { getDb, type Db } from '@/db/client';
import type { PublicUser } from '@/db/schema';
import type { ArticleNoticeInput } from '@/lib/validation/license';
import { markArticle } from './notices';

// The staff actions' domain side: typed input and the user (the builder in lib/actions has
// authorized and validated), the sentence the form shows on success.

export async function articleNoticeForm(
  input: ArticleNoticeInput,
  user: PublicUser,
  db: Db = getDb(),
): Promise<string> {
  const { articleId, kind, note } = input;
  const { notified } = await markArticle(articleId, kind, note, user, db);
  const who =
    notified === 0
      ? 'No licence in force holds it.'
      : `${notified} licensee${notified === 1 ? ' was' : 's were'} notified.`;
  return `Article marked ${kind}. ${who}`;
}
