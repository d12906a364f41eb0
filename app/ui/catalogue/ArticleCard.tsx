import type { ArticleCard as Card } from '@/lib/catalogue/queries';
import { Highlighted } from './Highlighted';
import { formatCount, formatDate } from './format';
import { Byline } from '@/app/ui/catalogue/Byline';

/**
 * One article in a list: highlights when it came from a search. Plain links, not next/link:
 * twenty cards would otherwise prefetch every article in view and each link would be a client
 * component to render and hydrate; opening an article as a full page load costs users little.
 */
export function ArticleCard({ article, headingLevel = 2 }: { article: Card; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const hl = article.highlights;
  return (
    <article className="article-card" data-testid="article-card">
      <H>
        <a href={`/articles/${article.slug}`}>{hl ? <Highlighted segments={hl.title} /> : article.title}</a>
      </H>
      {article.standfirst && (
        <p className="standfirst">{hl ? <Highlighted segments={hl.standfirst} /> : article.standfirst}</p>
      )}
      {hl?.snippet && (
        <p className="search-snippet" data-testid="snippet">
          <Highlighted segments={hl.snippet} />
        </p>
      )}
      <p className="meta-line">
        <a href={`/articles?section=${encodeURIComponent(article.section)}`}>{article.section}</a>
        <Byline authors={article.authors} />
        <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
        <span>{formatCount(article.wordCount)} words</span>
        {article.licensable ? (
          <span className="badge ok">Licensable</span>
        ) : (
          <span className="badge neutral">Not licensable</span>
        )}
      </p>
    </article>
  );
}
