import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ResendVerificationForm } from '@/app/ui/auth/ResendVerificationForm';
import { RequestForm } from '@/app/ui/requests/RequestForm';
import { UNVERIFIED_MESSAGE } from '@/lib/auth/email-verification';
import { currentRateCard } from '@/lib/rate-card';
import { can } from '@/lib/auth/can';
import { requirePage } from '@/lib/auth/session';
import { licenseTerms } from '@/lib/licenses/terms';
import { articlesForForm } from '@/lib/requests/articles';
import { optionsFromParams } from '@/lib/requests/options';
import { getOrganization } from '@/lib/requests/queries';
import { getSettings } from '@/lib/settings';
import { ONLY_PUBLISHERS } from '@/lib/requests/submit-form';

export const metadata: Metadata = { title: 'Request to republish' };

type SearchParams = Record<string, string | string[] | undefined>;

function returnPath(sp: SearchParams): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(sp))
    for (const item of Array.isArray(v) ? v : v === undefined ? [] : [v]) p.append(k, item);
  const qs = p.toString();
  return qs ? `/republish?${qs}` : '/republish';
}

export default async function RepublishPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  // A visitor signs in and comes back to the same articles and options.
  const user = await requirePage('user', returnPath(sp));
  const org = !can(user, 'staff') && user.organizationId ? getOrganization(user.organizationId) : undefined;
  if (!org) {
    return (
      <section>
        <h1>Request to republish</h1>
        <p className="notice info" role="status">
          {can(user, 'staff')
            ? ONLY_PUBLISHERS
            : 'Your account is not linked to an organisation, so it cannot request licences. Please contact the desk.'}
        </p>
        {can(user, 'staff') && <Link href="/admin">Go to the desk admin</Link>}
      </section>
    );
  }

  const slugs = ([] as string[]).concat(sp.article ?? []);
  const [{ card }, { articles, problems }] = await Promise.all([currentRateCard(), articlesForForm(slugs)]);
  const today = new Date().toISOString().slice(0, 10);
  const initialValues: Record<string, string> = {
    ...optionsFromParams(sp),
    territoryDetail: org.country,
    publicationName: org.name,
    publicationUrl: org.domains[0] ? `https://${org.domains[0]}` : '',
    startDate: today,
  };

  return (
    <section>
      <h1>Request to republish</h1>
      <p className="lead">
        Tell us where and how you will use the articles. The quote updates as you go; the desk confirms it when your
        request is stored.
      </p>
      <p className="hint">
        Whole sections rather than a few articles? <Link href="/catalogue-licence">Licence a catalogue</Link>.
      </p>
      {!user.emailVerifiedAt && (
        // They may still price and prepare the request; submitting waits for the confirmation (refused server-side too).
        <div className="notice warn" role="status" data-testid="unverified-notice">
          <p>{UNVERIFIED_MESSAGE}</p>
          <ResendVerificationForm />
        </div>
      )}
      {problems.length > 0 && (
        <div className="notice warn" role="status">
          <p>Some articles could not be added:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <RequestForm
        initialArticles={articles}
        initialValues={initialValues}
        // One key per rendering of the form: a double click, a reload of the action or a resubmit after "back" stores one request.
        idempotencyKey={randomUUID()}
        rateCard={card}
        licenseeType={org.type}
        organizationName={org.name}
        terms={licenseTerms(getSettings().takedownHours)}
        today={today}
        autoApproval={getSettings().autoApproval}
        flagged={org.flagged}
      />
    </section>
  );
}
