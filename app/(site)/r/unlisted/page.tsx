import type { Metadata } from 'next';
import Link from 'next/link';
import { AskForm } from '@/app/ui/door/AskForm';
import { can } from '@/lib/auth/can';
import { currentUser } from '@/lib/auth/session';
import { resolveLink } from '@/lib/catalogue/link';
import { getSettings } from '@/lib/settings';

export const metadata: Metadata = { title: 'Article not on the desk yet', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Where /r sends an address the catalogue does not know. It resolves the address again (the
 * article may have arrived since, and nothing here trusts the query): one of the publisher's →
 * "being added" with "ask for it anyway"; anyone else's → "not one of our articles".
 */
export default async function UnlistedPage({ searchParams }: Props) {
  const raw = (await searchParams).url;
  const outcome = await resolveLink(new URLSearchParams(typeof raw === 'string' ? { url: raw } : {}));
  const { publisherName } = getSettings();
  if (outcome.kind === 'article') {
    return (
      <section className="empty-state" aria-labelledby="unlisted-heading">
        <h1 id="unlisted-heading">This article is on the desk now</h1>
        <p>
          <Link href={outcome.location}>See its price and request a licence</Link>
        </p>
      </section>
    );
  }
  if (outcome.kind === 'invalid' || outcome.kind === 'not-ours') {
    return (
      <section className="empty-state" aria-labelledby="unlisted-heading">
        <h1 id="unlisted-heading">This is not one of our articles</h1>
        {outcome.kind === 'not-ours' && (
          <p>
            <span className="url-text">{outcome.canonical.url}</span> was not published by {publisherName}, so this desk
            cannot license it. Please ask its own publisher.
          </p>
        )}
        <p>
          <Link href="/articles">Browse {publisherName}’s articles</Link>
        </p>
      </section>
    );
  }
  const user = await currentUser();
  const here = `/r/unlisted?url=${encodeURIComponent(outcome.canonical.url)}`;
  return (
    <section aria-labelledby="unlisted-heading" className="narrow">
      <h1 id="unlisted-heading">This article is being added to the desk</h1>
      <p>
        <span className="url-text">{outcome.canonical.url}</span> is one of {publisherName}’s articles, but it is not in
        the licensing catalogue yet. New articles usually arrive within minutes: try the link again soon.
      </p>
      <h2>Ask for it anyway</h2>
      {!user ? (
        <p>
          <Link href={`/login?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Link> or{' '}
          <Link href="/register">register</Link> and ask: the desk will write to you as soon as the article is on the
          desk.
        </p>
      ) : can(user, 'staff') ? (
        <p className="hint">
          Staff: publishers can ask for this article here; it is listed once imported (feed sync or{' '}
          <code>npm run import</code>).
        </p>
      ) : (
        <>
          <p>The desk will write to you as soon as the article is on the desk, with a link to its price.</p>
          <AskForm url={outcome.canonical.url} />
        </>
      )}
    </section>
  );
}
