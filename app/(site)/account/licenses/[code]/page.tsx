import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SelectionFacts } from '@/app/ui/catalogue-licences/SelectionSummary';
import { DownloadLinks } from '@/app/ui/licenses/DownloadLinks';
import { ExportUsage } from '@/app/ui/licenses/ExportUsage';
import { LicenseFacts } from '@/app/ui/licenses/LicenseFacts';
import { NoticeList } from '@/app/ui/licenses/NoticeList';
import { StatusBadge } from '@/app/ui/licenses/StatusBadge';
import { requirePage } from '@/lib/auth/session';
import { pixelUrl } from '@/lib/licenses/copy';
import { downloadAvailability, FORMAT_NAMES } from '@/lib/licenses/download';
import { formatDate, formatDateTime } from '@/lib/licenses/labels';
import { articleStates, downloadsFor, findLicenseFor, noticesFor } from '@/lib/licenses/queries';
import { siteUrl } from '@/lib/site';
import { HowToPay } from '@/app/ui/invoices/HowToPay';
import { can } from '@/lib/auth/can';
import { invoiceForLicense } from '@/lib/invoices/queries';
import { formatMoney } from '@/lib/quote';

export const metadata: Metadata = { title: 'Licence', robots: { index: false } };

export default async function AccountLicensePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await requirePage('user', `/account/licenses/${encodeURIComponent(code)}`);
  const license = await findLicenseFor(code, user);
  if (!license) notFound();
  const [refusal, notices, log, states] = [
    await downloadAvailability(license, user),
    noticesFor(license),
    downloadsFor(license.id),
    articleStates(license),
  ];
  const state = new Map(states.map((s) => [s.id, s.state]));
  const invoice = invoiceForLicense(license.id);
  const awaitingPayment = refusal?.status === 402 && invoice?.status === 'open';
  const withdrawn = notices.filter((n) => n.kind === 'withdrawn');
  const revoked = license.status === 'revoked';

  return (
    <article>
      <p>
        <Link href="/account/licenses">← My licences</Link>
      </p>
      <h1>
        Licence {license.code} <StatusBadge license={license} />
      </h1>
      {withdrawn.length > 0 && license.status === 'active' && (
        <p className="notice error" role="alert">
          Take-down requested: {withdrawn.map((n) => `“${n.articleTitle}”`).join(', ')}{' '}
          {withdrawn.length === 1 ? 'has' : 'have'} been withdrawn. Please remove your copy.
        </p>
      )}
      {revoked && (
        // The one place the revocation is told: no download section, no "ready to paste" hints below.
        <p className="notice error" data-testid="revocation">
          This licence was revoked on {formatDate(license.statusChangedAt)}
          {license.revokedReason ? `: ${license.revokedReason}` : '.'} Downloads have stopped and the copy must be taken
          down.
        </p>
      )}

      {awaitingPayment && invoice && (
        <>
          <p className="notice warn" role="status" data-testid="awaiting-payment">
            Your licence is issued. The copies can be downloaded once invoice{' '}
            <Link href={`/account/invoices/${invoice.number}`}>{invoice.number}</Link> for{' '}
            {formatMoney(invoice.total - invoice.amountPaid, invoice.currency)} is paid.
          </p>
          <HowToPay invoice={invoice} canPayOnline={!can(user, 'staff')} />
        </>
      )}
      {invoice && !awaitingPayment && (
        <p>
          Invoice <Link href={`/account/invoices/${invoice.number}`}>{invoice.number}</Link>
          {invoice.status === 'paid' ? ': paid in full' : invoice.status === 'void' ? ': cancelled' : ''}
        </p>
      )}

      <div className="two-col">
        <div>
          {license.terms.catalogue && (
            <>
              <h2>Selection</h2>
              <SelectionFacts
                selection={license.terms.catalogue.selection}
                count={license.terms.catalogue.articleCount}
              />
              {license.terms.catalogue.ongoing && (
                <p className="hint">Matching articles published while the licence runs are added to it.</p>
              )}
            </>
          )}
          {!license.terms.catalogue && <h2>Articles</h2>}
          <ul>
            {license.terms.articles.map((a) => (
              <li key={a.id}>
                <a href={a.canonicalUrl}>{a.title}</a>
                {a.byline && <span className="muted"> — {a.byline}</span>}{' '}
                {state.get(a.id) === 'corrected' && <span className="badge warn">Corrected</span>}
                {state.get(a.id) === 'withdrawn' && <span className="badge bad">Withdrawn</span>}
              </li>
            ))}
          </ul>

          {!revoked && license.terms.catalogue && (
            <>
              <h2>Copies</h2>
              {awaitingPayment ? (
                <p className="muted">The export opens once the invoice is paid (see above).</p>
              ) : (
                <p data-testid="catalogue-export">
                  A catalogue licence’s copies come through the API export, text only, each with the credit line and the
                  link to the original: <Link href="/account/api">create an API token</Link> and read{' '}
                  <code>/api/licenses/{license.code}/export</code>.{' '}
                  <a href={`/api/licenses/${license.code}/download?format=pdf`}>Licence certificate (PDF)</a>
                </p>
              )}
              <h2>Credit line</h2>
              <p className="card">{license.creditLine}</p>
            </>
          )}
          {!revoked && !license.terms.catalogue && (
            <>
              <h2>Download</h2>
              {awaitingPayment ? (
                <p className="muted">Downloads open once the invoice is paid (see above).</p>
              ) : (
                <DownloadLinks code={license.code} refusal={refusal} />
              )}
              <p className="hint">
                The HTML copy is ready to paste: it keeps the headline, byline, credit line, the link to the original
                and a 1×1 usage image. Images whose rights we do not hold (agency pictures) are left out and the copy
                says so.
              </p>

              <h2>Credit line</h2>
              <p className="card">{license.creditLine}</p>
              <p className="hint">
                Usage image: <code>{pixelUrl(siteUrl(), license.code)}</code>
              </p>
            </>
          )}

          <h2 id="notices">Notices from the desk</h2>
          <NoticeList notices={notices} audience="licensee" />

          <ExportUsage license={license} />

          <h2>Downloads</h2>
          {log.length === 0 ? (
            <p className="muted">Nothing downloaded yet.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">What</th>
                    <th scope="col">Who</th>
                  </tr>
                </thead>
                <tbody>
                  {log.map((d) => (
                    <tr key={d.id}>
                      <td>{formatDateTime(d.createdAt)}</td>
                      <td>{FORMAT_NAMES[d.format]}</td>
                      <td>{d.userName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <aside aria-label="Licence facts">
          <h2>Terms</h2>
          <LicenseFacts license={license} />
          <p>
            <Link href={`/licenses/${license.code}`}>Public verification page</Link>
          </p>
        </aside>
      </div>
    </article>
  );
}
