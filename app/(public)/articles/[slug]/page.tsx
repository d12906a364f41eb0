import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ArticleQuote } from '@/app/ui/quote/ArticleQuote';
import { RightsBox } from '@/app/ui/catalogue/RightsBox';
import { formatCount, formatDate } from '@/app/ui/catalogue/format';
import '@/app/ui/catalogue/catalogue.css';
import { currentUser, isStaff } from '@/lib/auth/session';
import { getArticleDetail } from '@/lib/catalogue/queries';
import { isPubliclyVisible } from '@/lib/catalogue/rules';
import { getSettings } from '@/lib/settings';
import { Byline } from '@/app/ui/catalogue/Byline';

type Props = { params: Promise<{ slug: string }> };

/** The article if this viewer may see it: the public rule, or staff (who see everything). */
const viewable = cache(async (slug: string) => {
  const article = await getArticleDetail(slug);
  if (!article) return null;
  if (isPubliclyVisible(article)) return { article, staffOnly: false };
  return isStaff(await currentUser()) ? { article, staffOnly: true } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await viewable((await params).slug);
  return found ? { title: found.article.title, description: found.article.standfirst } : { title: 'Page not found' };
}

export default async function ArticlePage({ params }: Props) {
  const found = await viewable((await params).slug);
  if (!found) notFound();
  const { article, staffOnly } = found;
  const [settings, user] = await Promise.all([getSettings(), currentUser()]);
  const embargoed = article.embargoUntil && new Date(article.embargoUntil) > new Date();
  return (
    <article className="two-col">
      <div>
        {staffOnly && (
          <p className="notice warn staff-banner" role="status">
            Staff view: the public cannot see this article
            {article.hidden ? ' (hidden from the catalogue)' : ''}
            {embargoed ? ` (embargoed until ${formatDate(article.embargoUntil!)}, ${article.embargoUntil!.slice(11, 16)} UTC)` : ''}.
          </p>
        )}
        <header className="article-head">
          <p className="meta-line">
            <Link href={`/articles?section=${encodeURIComponent(article.section)}`}>{article.section}</Link>
          </p>
          <h1>{article.title}</h1>
          {article.standfirst && <p className="standfirst">{article.standfirst}</p>}
          <p className="meta-line">
            <Byline authors={article.authors} />
            <span>
              Published <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
            </span>
            {article.updatedAt.slice(0, 10) !== article.publishedAt.slice(0, 10) && (
              <span>
                Updated <time dateTime={article.updatedAt}>{formatDate(article.updatedAt)}</time>
              </span>
            )}
            <span>{formatCount(article.wordCount)} words</span>
          </p>
          {article.tags.length > 0 && (
            <ul className="tag-list" aria-label="Tags">
              {article.tags.map((t) => (
                <li key={t}>
                  <Link className="badge neutral" href={`/articles?tag=${encodeURIComponent(t)}`}>{t}</Link>
                </li>
              ))}
            </ul>
          )}
        </header>
        <section aria-label="Preview" className="preview" data-testid="preview">
          {article.preview.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          <p className="preview-end">
            Preview ends here. The full {formatCount(article.wordCount)}-word text comes with a licence, ready to paste with its credit line.
          </p>
        </section>
        {isStaff(user) && (
          <p>
            <Link href={`/admin/articles/${article.id}`}>Edit rights and visibility</Link>
          </p>
        )}
      </div>
      <aside aria-label="Rights and price">
        <RightsBox article={article} publisher={settings.publisherName} agencies={settings.agencies} />
        {article.licensable && <ArticleQuote article={article} />}
      </aside>
    </article>
  );
}
