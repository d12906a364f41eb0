import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleRightsForm } from '@/app/ui/catalogue/ArticleRightsForm';
import { formatDate } from '@/app/ui/catalogue/format';
import { ArticleNoticeForm } from '@/app/ui/licenses/ArticleNoticeForm';
import { requirePage } from '@/lib/auth/session';
import { getArticleForAdmin } from '@/lib/catalogue/admin';

export const metadata: Metadata = { title: 'Edit article · Desk admin' };

type Props = { params: Promise<{ id: string }> };

export default async function AdminArticlePage({ params }: Props) {
  await requirePage('staff', '/admin');
  const id = Number((await params).id);
  const article = Number.isSafeInteger(id) && id > 0 ? getArticleForAdmin(id) : null;
  if (!article) notFound();
  return (
    <section>
      <p>
        <Link href="/admin/articles">← All articles</Link>
      </p>
      <h1>{article.title}</h1>
      <dl className="facts">
        <dt>Public page</dt>
        <dd>
          <Link href={`/articles/${article.slug}`}>/articles/{article.slug}</Link>
          {article.publiclyVisible ? '' : ' (staff only at the moment)'}
        </dd>
        <dt>Published</dt>
        <dd>{formatDate(article.publishedAt)}</dd>
        {article.embargoUntil && (
          <>
            <dt>Embargo</dt>
            <dd>
              until {formatDate(article.embargoUntil)}, {article.embargoUntil.slice(11, 16)} UTC
            </dd>
          </>
        )}
        <dt>Canonical URL</dt>
        <dd className="break">{article.canonicalUrl}</dd>
      </dl>
      <div className="two-col">
        <section aria-labelledby="rights-edit-heading">
          <h2 id="rights-edit-heading">Rights and visibility</h2>
          <ArticleRightsForm
            article={{
              id: article.id,
              rightsStatus: article.rightsStatus,
              premiumMilli: article.premiumMilli,
              hidden: article.hidden,
            }}
            assets={article.assets}
          />
        </section>
        <ArticleNoticeForm articleId={article.id} state={article.state} stateNote={article.stateNote} />
      </div>
    </section>
  );
}
