import type { Metadata } from 'next';
import { EmbedScriptPreview } from '@/app/ui/admin/EmbedScriptPreview';
import { requirePage } from '@/lib/auth/session';
import { normaliseCanonicalUrl } from '@/lib/catalogue/canonical-url';
import { recentLicensable } from '@/lib/catalogue/queries';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { snippets } from '@/lib/embed/snippets';
import { siteUrl } from '@/lib/site';

export const metadata: Metadata = { title: 'Put it on your site' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The snippets for the publisher's article template, with a live preview for one article. */
export default async function EmbedPage({ searchParams }: Props) {
  await requirePage('staff', '/admin/embed');
  const asked = (await searchParams).url;
  const given = typeof asked === 'string' && asked.trim() ? asked.trim() : null;
  const valid = given ? normaliseCanonicalUrl(given) : null;
  const example = valid ? given! : await exampleUrl();
  const s = snippets(siteUrl(), example);
  const blocks: { id: string; title: string; hint: string; code: string }[] = [
    {
      id: 'link',
      title: 'The footer link',
      hint: 'The line at the end of every article. Works everywhere, no script.',
      code: s.link,
    },
    {
      id: 'embed',
      title: 'The box (script)',
      hint: 'Shows “Republish this article — from £…” in your page’s font. No cookies, no tracking; the badge inside <noscript> shows when JavaScript is off.',
      code: s.embed,
    },
    {
      id: 'frame',
      title: 'The box (iframe)',
      hint: 'For pages whose Content-Security-Policy refuses outside scripts: allow this desk in frame-src instead.',
      code: s.frame,
    },
    {
      id: 'badge',
      title: 'The badge alone',
      hint: 'An image with the starting price, inside a plain link.',
      code: s.badge,
    },
  ];
  return (
    <section aria-labelledby="embed-heading">
      <h1 id="embed-heading">Put it on your site</h1>
      <p className="lead">
        Copy these into your CMS’s article template, with the article’s canonical URL where the example address is.
      </p>
      <form method="get" className="form narrow" aria-label="Preview an article">
        <div className={`field${given && !valid ? ' has-error' : ''}`}>
          <label htmlFor="embed-url">Article address (canonical URL)</label>
          <input
            id="embed-url"
            name="url"
            type="url"
            defaultValue={given ?? example}
            aria-invalid={given && !valid ? true : undefined}
            aria-describedby={given && !valid ? 'embed-url-error' : undefined}
          />
          {given && !valid && (
            <p id="embed-url-error" className="field-error">
              Enter a full address starting with https://.
            </p>
          )}
        </div>
        <p>
          <button type="submit" className="button secondary">
            Preview
          </button>
        </p>
      </form>
      {blocks.map((b) => (
        <section key={b.id} aria-labelledby={`snippet-${b.id}`}>
          <h2 id={`snippet-${b.id}`}>{b.title}</h2>
          <p className="hint">{b.hint}</p>
          <label htmlFor={`code-${b.id}`} className="sr-only">
            {b.title}: code to copy
          </label>
          <textarea
            id={`code-${b.id}`}
            readOnly
            rows={b.code.split('\n').length + 1}
            className="snippet"
            defaultValue={b.code}
          />
        </section>
      ))}
      <h2>Preview</h2>
      <div className="embed-previews">
        <div>
          <h3>Script</h3>
          <EmbedScriptPreview url={example} />
        </div>
        <div>
          <h3>Iframe</h3>
          <iframe
            src={`/embed/frame?url=${encodeURIComponent(example)}`}
            title="Republish this article (preview)"
            width="100%"
            height="170"
            style={{ border: 0, maxWidth: '32rem' }}
          />
        </div>
        <div>
          <h3>Badge</h3>
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG answered per article, exactly as other sites load it */}
          <img
            src={`/badge.svg?url=${encodeURIComponent(example)}`}
            alt="Republish this article (badge preview)"
            height={28}
          />
        </div>
      </div>
    </section>
  );
}

/** The newest licensable article's canonical URL, so the preview shows a price at once. */
async function exampleUrl(): Promise<string> {
  const [first] = recentLicensable(1);
  const row =
    first && getDb().select({ url: articles.canonicalUrl }).from(articles).where(eq(articles.id, first.id)).get();
  return row?.url ?? 'https://www.example.com/news/an-article';
}
