import Link from 'next/link';
import { formatDate } from '@/lib/licenses/labels';
import { licenseForRequest } from '@/lib/licenses/queries';
import { formatMoney } from '@/lib/quote';
import { MarkPaidForm } from './MarkPaidForm';
import { StatusBadge } from './StatusBadge';

/**
 * For the staff request page: the request's licence (if one was issued) with its status,
 * validity, fee, invoice and the "mark paid" action. Renders nothing before approval.
 */
export async function LicensePanel({ requestId }: { requestId: number }) {
  const license = await licenseForRequest(requestId);
  if (!license) return null;
  return (
    <section aria-labelledby="license-panel-heading" className="card">
      <h2 id="license-panel-heading">
        Licence <Link href={`/licenses/${license.code}`}>{license.code}</Link> <StatusBadge license={license} />
      </h2>
      <dl className="facts">
        <dt>Valid</dt>
        <dd>
          {formatDate(license.validFrom)} – {license.validUntil ? formatDate(license.validUntil) : 'no end date'}
        </dd>
        <dt>Fee</dt>
        <dd>{formatMoney(license.fee, license.currency)}</dd>
        {license.revokedReason && (
          <>
            <dt>Revoked</dt>
            <dd>
              {formatDate(license.statusChangedAt)}: {license.revokedReason}
            </dd>
          </>
        )}
      </dl>
      <MarkPaidForm code={license.code} invoiceRef={license.invoiceRef} paidAt={license.paidAt} />
    </section>
  );
}
