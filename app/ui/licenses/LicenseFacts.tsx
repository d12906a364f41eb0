import Link from 'next/link';
import { DURATION_LABELS, formatDate, PORTION_LABELS, territoryText, USE_LABELS } from '@/lib/licenses/labels';
import type { LicenseRow } from '@/lib/licenses/queries';
import { articleCountText } from '@/lib/catalogue-licences/words';
import { formatMoney } from '@/lib/quote';

/** What was agreed, from the frozen terms, plus fee and payment: for the licensee and staff only. */
export function LicenseFacts({ license }: { license: LicenseRow }) {
  const t = license.terms;
  return (
    <>
      <dl className="facts">
        <dt>Request</dt>
        <dd>
          <Link href={`/account/requests/${t.reference}`}>{t.reference}</Link>
        </dd>
        <dt>Licensee</dt>
        <dd>{t.licensee.name}</dd>
        <dt>Publication</dt>
        <dd className="break">
          {t.publicationName} <span className="muted">({t.publicationUrl})</span>
        </dd>
        <dt>Use</dt>
        <dd>{USE_LABELS[t.use]}</dd>
        {t.catalogue ? (
          <>
            <dt>Articles</dt>
            <dd>{articleCountText(t.catalogue.articleCount)} at issue</dd>
          </>
        ) : (
          <>
            <dt>Audience</dt>
            <dd>{t.audience.toLocaleString('en-GB')} a month</dd>
          </>
        )}
        <dt>Territory</dt>
        <dd>{territoryText(t.territory, t.territoryDetail)}</dd>
        <dt>Portion</dt>
        <dd>{PORTION_LABELS[t.portion]}</dd>
        {t.translation && (
          <>
            <dt>Translation</dt>
            <dd>Into {t.translationLanguage}</dd>
          </>
        )}
        <dt>Duration</dt>
        <dd>{DURATION_LABELS[t.duration]}</dd>
        <dt>Valid</dt>
        <dd>
          {formatDate(license.validFrom)} – {license.validUntil ? formatDate(license.validUntil) : 'no end date'}
        </dd>
        <dt>Fee</dt>
        <dd>{formatMoney(license.fee, license.currency)}</dd>
        <dt>Invoice</dt>
        <dd>{license.invoiceRef}</dd>
        <dt>Payment</dt>
        <dd>
          {license.paidAt ? (
            <span className="badge ok">Paid {formatDate(license.paidAt)}</span>
          ) : (
            <span className="badge neutral">Awaiting payment</span>
          )}
        </dd>
      </dl>
      <h3>Licence terms</h3>
      <ul>
        {t.terms.map((term) => (
          <li key={term}>{term}</li>
        ))}
      </ul>
    </>
  );
}
