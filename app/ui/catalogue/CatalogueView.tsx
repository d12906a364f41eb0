import Link from 'next/link';
import { ArticleCard } from '@/app/ui/catalogue/ArticleCard';
import { CatalogueFilters } from '@/app/ui/catalogue/CatalogueFilters';
import { Pagination } from '@/app/ui/catalogue/Pagination';
import { formatCount } from '@/app/ui/catalogue/format';
import '@/app/ui/catalogue/catalogue.css';
import { listArticles, listSections, type ArticleList } from '@/lib/catalogue/queries';
import { articleQuerySchema, type ArticleQuery } from '@/lib/validation/catalogue';
import { fieldErrors } from '@/lib/errors';

/** The browser title for a catalogue query. */
export function catalogueTitle(raw: Record<string, string>): string {
  const q = raw.q?.trim();
  return q ? `Search: ${q.slice(0, 60)}` : 'Articles';
}

/** The catalogue's list and search for the parameters given, errors explained in place. */
export async function CatalogueView({ raw }: { raw: Record<string, string> }) {
  const parsed = articleQuerySchema.safeParse(raw);
  const sections = listSections();
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return (
      <section>
        <h1>Articles</h1>
        <p role="alert" className="notice error">
          Some of the search settings cannot be used: {Object.values(errors).join(' ')}
        </p>
        <CatalogueFilters values={raw} sections={sections} errors={errors} />
      </section>
    );
  }
  const query = parsed.data;
  const list = listArticles(query);
  return (
    <section>
      <h1>{query.q ? 'Search the catalogue' : 'Articles'}</h1>
      <p className="hint">
        Need whole sections (for AI training, answers or an index)?{' '}
        <Link href="/catalogue-licence">Licence a catalogue</Link>.
      </p>
      <CatalogueFilters values={raw} sections={sections} />
      <Results query={query} list={list} />
    </section>
  );
}

function Results({ query, list }: { query: ArticleQuery; list: ArticleList }) {
  const filtered = Boolean(
    query.q || query.section || query.tag || query.author || query.from || query.to || query.licensable,
  );
  if (list.total === 0) {
    return (
      <div className="empty-state" role="status">
        {filtered ? (
          <>
            <h2>Nothing found</h2>
            <p>
              {query.q && !list.searched
                ? 'Search with words or numbers: symbols and emoji on their own match nothing.'
                : 'No article matches these words and filters. Try fewer or different words, or remove a filter.'}
            </p>
            <p>
              <Link href="/articles">Show all articles</Link>
            </p>
          </>
        ) : (
          <>
            <h2>No articles yet</h2>
            <p>The catalogue is empty for now: articles appear here as soon as the desk publishes them.</p>
          </>
        )}
      </div>
    );
  }
  const first = (list.page - 1) * list.pageSize + 1;
  const last = first + list.items.length - 1;
  const total = `${formatCount(list.total)}${list.totalCapped ? '+' : ''}`;
  return (
    <>
      <p className="results-summary" role="status" data-testid="results-summary">
        {list.items.length
          ? `Showing ${formatCount(first)}–${formatCount(last)} of ${total} ${list.total === 1 ? 'article' : 'articles'}`
          : `There are ${total} articles; this page is past the last one.`}
        {list.searched && (list.sort === 'relevance' ? ', best match first' : ', newest first')}
        {list.totalCapped && '. Only the most recent matches are ranked: add a word or a filter to narrow the search'}.
      </p>
      {list.items.length > 0 && (
        <ol className="article-list" start={first}>
          {list.items.map((a) => (
            <li key={a.id}>
              <ArticleCard article={a} />
            </li>
          ))}
        </ol>
      )}
      <Pagination query={query} page={list.page} pageSize={list.pageSize} total={list.total} />
    </>
  );
}
