import Link from 'next/link';
import type { CatalogueSelection } from '@/db/schema';
import { articleCountText, selectionLines } from '@/lib/catalogue-licences/words';

/** A catalogue selection's filters in words and how many articles it holds. */
export function SelectionFacts({ selection, count }: { selection: CatalogueSelection; count: number }) {
  return (
    <dl className="facts" data-testid="selection">
      {selectionLines(selection).map((l) => (
        <div key={l.label} style={{ display: 'contents' }}>
          <dt>{l.label}</dt>
          <dd>{l.value}</dd>
        </div>
      ))}
      <dt>Articles</dt>
      <dd data-testid="selection-count">{articleCountText(count)}</dd>
    </dl>
  );
}

/** The first articles of a selection, then "and N more" — never a list of thousands. */
export function SelectionArticles({
  articles,
  count,
  linkArticles = true,
}: {
  articles: { slug: string; title: string }[];
  count: number;
  linkArticles?: boolean;
}) {
  const more = count - articles.length;
  return (
    <>
      <ol className="article-refs" data-testid="selection-articles">
        {articles.map((a) => (
          <li key={a.slug}>{linkArticles ? <Link href={`/articles/${a.slug}`}>{a.title}</Link> : a.title}</li>
        ))}
      </ol>
      {more > 0 && <p className="muted">and {articleCountText(more)} more</p>}
    </>
  );
}
