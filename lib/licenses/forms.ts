import 'server-only';
import { getDb, type Db } from '@/db/client';
import type { PublicUser } from '@/db/schema';
import type { ArticleNoticeInput, MarkPaidInput } from '@/lib/validation/license';
import { formatDate } from './labels';
import { markArticle } from './notices';
import { markPaid } from './payment';

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

export async function markPaidForm(input: MarkPaidInput, user: PublicUser, db: Db = getDb()): Promise<string> {
  const { license, alreadyPaid } = markPaid(input.code, user, db);
  return alreadyPaid
    ? `Invoice ${license.invoiceRef} was already marked paid on ${formatDate(license.paidAt)}.`
    : `Invoice ${license.invoiceRef} marked paid.`;
}
