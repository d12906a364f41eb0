'use client';

import { useEffect, useRef, useState } from 'react';
import { searchArticlesAction } from '@/app/(site)/republish/actions';
import type { QuoteArticle } from '@/lib/quote';
import { MAX_ARTICLES } from '@/lib/validation/request';

type Props = {
  articles: QuoteArticle[];
  onChange: (next: QuoteArticle[]) => void;
  error?: string;
};

/**
 * The request's articles: each with a remove button, plus a search (title or slug) to add more,
 * up to MAX_ARTICLES. The chosen slugs travel as repeated hidden `article` fields.
 */
export function ArticlePicker({ articles, onChange, error }: Props) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<QuoteArticle[]>([]);
  const [searched, setSearched] = useState('');
  const full = articles.length >= MAX_ARTICLES;
  const latest = useRef(0);

  const slugs = articles.map((a) => a.slug).join(',');
  useEffect(() => {
    const term = q.trim();
    const ticket = ++latest.current;
    // Debounced; only the newest answer is shown.
    const timer = setTimeout(async () => {
      if (!term) {
        if (ticket === latest.current) {
          setResults([]);
          setSearched('');
        }
        return;
      }
      const found = await searchArticlesAction(term, slugs ? slugs.split(',') : []);
      if (ticket === latest.current) {
        setResults(found);
        setSearched(term);
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [q, slugs]);

  function add(a: QuoteArticle) {
    if (full || articles.some((x) => x.slug === a.slug)) return;
    onChange([...articles, a]);
    setQ('');
  }

  return (
    <fieldset className={error ? 'has-error' : undefined} aria-describedby={error ? 'f-articles-error' : undefined}>
      <legend>
        Articles ({articles.length} of at most {MAX_ARTICLES})
      </legend>
      {articles.length === 0 ? (
        <p className="hint">No articles yet: search below to add one.</p>
      ) : (
        <ol className="picked-articles" data-testid="picked-articles">
          {articles.map((a) => (
            <li key={a.slug}>
              <span>
                <strong>{a.title}</strong>
                {a.rightsStatus === 'contributor' && <span className="badge warn">reviewed by the desk</span>}
                <input type="hidden" name="article" value={a.slug} />
              </span>
              <button
                type="button"
                className="button small secondary"
                onClick={() => onChange(articles.filter((x) => x.slug !== a.slug))}
                aria-label={`Remove “${a.title}”`}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p id="f-articles-error" className="field-error">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="f-article-search">Add an article</label>
        <p id="f-article-search-hint" className="hint">
          {full
            ? `A request holds at most ${MAX_ARTICLES} articles.`
            : 'Search by a word of the title; two to four articles take 10 % off, five or more 20 %.'}
        </p>
        <input
          id="f-article-search"
          type="search"
          value={q}
          disabled={full}
          autoComplete="off"
          aria-describedby="f-article-search-hint"
          aria-controls="f-article-results"
          onChange={(e) => setQ(e.target.value)}
          // Enter in the search must not submit the whole request.
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (results[0]) add(results[0]);
            }
          }}
        />
      </div>
      <div id="f-article-results" aria-live="polite">
        {results.length > 0 ? (
          <ul className="search-results">
            {results.map((a) => (
              <li key={a.slug}>
                <button type="button" onClick={() => add(a)} disabled={full}>
                  Add “{a.title}”
                </button>
              </li>
            ))}
          </ul>
        ) : (
          searched && q.trim() === searched && <p className="hint">No licensable article matches “{searched}”.</p>
        )}
      </div>
    </fieldset>
  );
}
