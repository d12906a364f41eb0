import Link from 'next/link';
import { ArticleQuote } from '@/app/ui/quote/ArticleQuote';
import { RightsBox } from '@/app/ui/catalogue/RightsBox';
import { formatCount, formatDate } from '@/app/ui/catalogue/format';
import { Byline } from '@/app/ui/catalogue/Byline';
import '@/app/ui/catalogue/catalogue.css';
import type { PublicUser } from '@/db/schema';
import { can } from '@/lib/auth/can';
import { articleJsonLd } from '@/lib/catalogue/json-ld';
import type { ArticleDetail } from '@/lib/catalogue/queries';
import { jsonLdScript } from '@/lib/json-ld';
import { getSettings } from '@/lib/settings';
import { siteUrl } from '@/lib/site';

type Props = {
  article: ArticleDetail;
  /** The viewer; null on the cached visitor page, which every visitor shares. */
  user: PublicUser | null;
  /** Staff looking at an article the public cannot see. */
  staffOnly?: boolean;
  /**
   * The request's CSP nonce (x-nonce, proxy.ts) on a page rendered per request: the JSON-LD is data
   * and never runs, but every script tag of such a page carries the nonce. The cached visitor page
   * has none; its policy lists the hash of every inline script instead.
   */
  nonce?: string;
};

/** The article page's body: preview, rights box and price panel. */
export async function ArticleView({ article, user, staffOnly = false, nonce }: Props) {
  const settings = getSettings();
  const embargoed = article.embargoUntil && new Date(article.embargoUntil) > new Date();
  return (
    <article className="two-col">
      {/* Data, not script: the CSP does not apply to it, and jsonLdScript keeps a headline from closing the element. */}
      <script
        type="application/ld+json"
        nonce={nonce}
        data-testid="article-json-ld"
        dangerouslySetInnerHTML={{ __html: jsonLdScript(articleJsonLd(article, settings, siteUrl())) }}
      />
      <div>
        {staffOnly && (
          <p className="notice warn staff-banner" role="status">
            Staff view: the public cannot see this article
            {article.hidden ? ' (hidden from the catalogue)' : ''}
            {embargoed
              ? ` (embargoed until ${formatDate(article.embargoUntil!)}, ${article.embargoUntil!.slice(11, 16)} UTC)`
              : ''}
            .
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
                  <Link className="badge neutral" href={`/articles?tag=${encodeURIComponent(t)}`}>
                    {t}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </header>
        <section aria-label="Preview" className="preview" data-testid="preview">
          {article.preview.map((b, i) =>
            b.kind === 'h2' ? (
              <h2 key={i}>{b.text}</h2>
            ) : b.kind === 'h3' ? (
              <h3 key={i}>{b.text}</h3>
            ) : b.kind === 'blockquote' ? (
              <blockquote key={i}>{b.text}</blockquote>
            ) : b.kind === 'li' ? (
              <p key={i} className="preview-item">
                {b.text}
              </p>
            ) : (
              <p key={i}>{b.text}</p>
            ),
          )}
          <p className="preview-end">
            Preview ends here. The full {formatCount(article.wordCount)}-word text comes with a licence, ready to paste
            with its credit line.
          </p>
        </section>
        {can(user, 'staff') && (
          <p>
            <Link href={`/admin/articles/${article.id}`}>Edit rights and visibility</Link>
          </p>
        )}
      </div>
      <aside aria-label="Rights and price">
        <RightsBox article={article} publisher={settings.publisherName} agencies={settings.agencies} />
        {article.licensable && <ArticleQuote article={article} user={user} />}
      </aside>
    </article>
  );
}
