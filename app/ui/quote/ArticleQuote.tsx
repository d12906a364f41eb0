import Link from 'next/link';
import type { PublicUser } from '@/db/schema';
import { can } from '@/lib/auth/can';
import type { OrgType, RightsStatus } from '@/db/enums';
import { currentRateCard } from '@/lib/rate-card';
import { getOrganization } from '@/lib/requests/queries';
import { getSettings } from '@/lib/settings';
import { QuoteCalculator } from './QuoteCalculator';

type Props = {
  article: { slug: string; title: string; premiumMilli: number; rightsStatus: RightsStatus };
  /** The viewer, or null for the visitor page that every visitor shares. */
  user: PublicUser | null;
};

/**
 * The article page's price panel: loads the current rate card and the viewer's organisation type
 * (visitors and staff choose a licensee type, defaulting to commercial) and renders the live
 * calculator with a "Request to republish" link that carries the chosen options.
 */
export async function ArticleQuote({ article, user }: Props) {
  const heading = (
    <h2 id="article-quote-heading" className="quote-heading">
      Republish this article
    </h2>
  );
  if (article.rightsStatus === 'syndicated_in') {
    return (
      <section aria-labelledby="article-quote-heading" className="card">
        {heading}
        <p className="notice info">This article was syndicated to us by another publisher, so we cannot license it.</p>
      </section>
    );
  }
  const { card } = currentRateCard();
  const org = user && !can(user, 'staff') && user.organizationId ? getOrganization(user.organizationId) : undefined;
  const licenseeType: OrgType = org?.type ?? 'commercial';
  return (
    <section aria-labelledby="article-quote-heading" className="card">
      {heading}
      <p className="hint">Choose how you would use it: the price updates as you go.</p>
      <QuoteCalculator
        articles={[
          {
            slug: article.slug,
            title: article.title,
            premiumMilli: article.premiumMilli,
            rightsStatus: article.rightsStatus,
          },
        ]}
        rateCard={card}
        licenseeType={licenseeType}
        chooseLicensee={!org}
        requestLink={!can(user, 'staff')}
        autoApproval={getSettings().autoApproval}
        flagged={org?.flagged ?? false}
      />
      {can(user, 'staff') && (
        <p className="hint">
          Staff price uses here; requests come from publishers. <Link href="/admin">Desk admin</Link>
        </p>
      )}
    </section>
  );
}
