import Link from 'next/link';
import { formatFactor } from '@/lib/quote';
import type { StaffRequestView } from '@/lib/requests/admin-queries';

const RIGHTS: Record<string, { label: string; tone: string }> = {
  owned: { label: 'Owned', tone: 'ok' },
  contributor: { label: 'Contributor: review', tone: 'warn' },
  syndicated_in: { label: 'Syndicated in: not licensable', tone: 'bad' },
};

/** The requested articles with their rights and the rights of each picture or embed. */
export function ArticleRights({ articles }: { articles: StaffRequestView['articles'] }) {
  return (
    <ul className="article-rights">
      {articles.map((a) => (
        <li key={a.id}>
          <p>
            <Link href={`/articles/${a.slug}`}>{a.title}</Link>{' '}
            <span className={`badge ${RIGHTS[a.rightsStatus]?.tone ?? 'neutral'}`}>
              {RIGHTS[a.rightsStatus]?.label ?? a.rightsStatus}
            </span>
            {a.state && a.state !== 'published' && <span className="badge bad">{a.state}</span>}
            {a.hidden && <span className="badge neutral">hidden</span>}
            {a.premiumMilli !== 1000 && <span className="muted"> premium {formatFactor(a.premiumMilli)}</span>}
          </p>
          {a.byline && <p className="muted">{a.byline}</p>}
          {a.assets.length > 0 && (
            <ul className="asset-list">
              {a.assets.map((x, i) => (
                <li key={i}>
                  {x.kind === 'embed' ? 'Embed' : 'Image'}: {x.caption || 'no caption'}{' '}
                  <span className="muted">— {x.credit || x.rightsHolder || 'no credit'}</span>{' '}
                  {x.licensable ? (
                    <span className="badge ok">included</span>
                  ) : (
                    <span className="badge bad">left out of copies</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
