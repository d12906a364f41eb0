import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HowToPay } from '@/app/ui/invoices/HowToPay';
import { QuoteBreakdown } from '@/app/ui/quote/QuoteBreakdown';
import { formatDay } from '@/app/ui/requests/dates';
import { MessageForm } from '@/app/ui/requests/MessageForm';
import { messageAction } from './actions';
import { RequestActions } from '@/app/ui/requests/RequestActions';
import { RequestFacts } from '@/app/ui/requests/RequestFacts';
import { SelectionArticles } from '@/app/ui/catalogue-licences/SelectionSummary';
import { MessageThread, RequestTimeline } from '@/app/ui/requests/RequestTimeline';
import { StatusBadge } from '@/app/ui/requests/StatusBadge';
import { can } from '@/lib/auth/can';
import { requirePage } from '@/lib/auth/session';
import { invoiceAwaited } from '@/lib/invoices/queries';
import { formatDate } from '@/lib/licenses/labels';
import { formatMoney, type Quote } from '@/lib/quote';
import { counterComparison } from '@/lib/requests/counter';
import { canTake } from '@/lib/requests/machine';
import { currentFee, getRequestForViewer } from '@/lib/requests/queries';
import { formatDuration } from '@/lib/requests/age';
import { medianStaffDecisionMs } from '@/lib/requests/stats';
import type { RequestStatus } from '@/db/enums';

type Params = { ref: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { ref } = await params;
  return { title: `Request ${ref}` };
}

export default async function RequestPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ received?: string }>;
}) {
  const { ref } = await params;
  const { received } = await searchParams;
  const user = await requirePage('user', `/account/requests/${encodeURIComponent(ref)}`);
  // Another organisation's reference is indistinguishable from one that does not exist.
  const view = getRequestForViewer(ref, user);
  if (!view) notFound();
  const { request: r, license } = view;
  const staff = can(user, 'staff');
  const publisher = !staff;
  const fee = currentFee(r);
  // The copies wait for this invoice: the page says so and how to pay, never "download".
  const awaited = license && license.status !== 'revoked' ? invoiceAwaited(license) : undefined;

  return (
    <article>
      <p>
        <Link href="/account/requests">← My requests</Link>
      </p>
      <h1>
        Request {r.reference} <StatusBadge status={r.status} />
      </h1>
      {received && (
        <div className="notice success" role="status">
          <p>
            <strong>Request received.</strong> Your reference is <strong data-testid="reference">{r.reference}</strong>.
            Keep it for your records: we have also sent it to you by email.
          </p>
          <NextSteps status={r.status} licenseCode={license?.code} awaitingPayment={!!awaited} />
        </div>
      )}
      {staff && (
        <p className="notice info">
          You are viewing the publisher’s page. Review it in the{' '}
          <Link href={`/admin/requests/${r.reference}`}>desk admin</Link>.
        </p>
      )}

      <div className="two-col">
        <div>
          <section aria-labelledby="articles-heading">
            <h2 id="articles-heading">Articles</h2>
            {r.selection ? (
              <SelectionArticles articles={view.articles} count={view.articleCount} />
            ) : (
              <ul>
                {view.articles.map((a) => (
                  <li key={a.id}>
                    <Link href={`/articles/${a.slug}`}>{a.title}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <RequestFacts view={view} />
          </section>
          <section aria-labelledby="quote-heading">
            <h2 id="quote-heading">Quote</h2>
            <QuoteBreakdown quote={r.quote as Quote} idPrefix="stored" totalLabel="Quoted" />
            {/* The rate card's version number means something to the desk, not to the publisher. */}
            {staff && (
              <details className="hint">
                <summary>Details for staff</summary>
                Quoted on rate card version {r.rateCardVersion}.
              </details>
            )}
          </section>
          <section aria-labelledby="thread-heading">
            <h2 id="thread-heading">Messages</h2>
            <MessageThread messages={view.messages} viewerIsStaff={staff} />
            {publisher && <MessageForm reference={r.reference} send={messageAction} label="Write to the desk" />}
          </section>
        </div>
        {/* Not an <aside>: a complementary landmark inside <main> is one landmark inside another (axe). */}
        <div>
          <section className="card status-card" aria-labelledby="status-heading">
            <h2 id="status-heading">Status</h2>
            <dl className="facts">
              <dt>Status</dt>
              <dd>
                <StatusBadge status={r.status} />
              </dd>
              <dt>Fee</dt>
              <dd>
                {fee !== r.quoteTotal && (
                  <>
                    <s className="muted" data-testid="detail-quoted">
                      <span className="sr-only">quoted </span>
                      {formatMoney(r.quoteTotal, r.currency)}
                    </s>{' '}
                  </>
                )}
                <span data-testid="detail-fee">{formatMoney(fee, r.currency)}</span>
              </dd>
              {r.decidedAt && (
                <>
                  <dt>Decided</dt>
                  <dd>{formatDay(r.decidedAt)}</dd>
                </>
              )}
            </dl>
            {license && (
              <p>
                Licence{' '}
                <Link href={`/licenses/${license.code}`} data-testid="license-link">
                  {license.code}
                </Link>
                {license.status !== 'active' ? ` (${license.status})` : ''}, valid{' '}
                {license.validUntil ? `until ${formatDay(license.validUntil)}` : 'without end'}.{' '}
                {awaited ? (
                  <span data-testid="request-awaiting-payment">
                    Its copies can be downloaded once invoice{' '}
                    <Link href={`/account/invoices/${awaited.number}`}>{awaited.number}</Link> for{' '}
                    {formatMoney(awaited.total - awaited.amountPaid, awaited.currency)} is paid, by{' '}
                    {formatDate(awaited.dueOn)}.
                  </span>
                ) : (
                  publisher &&
                  (r.selection ? (
                    // A catalogue licence's copies come through the API export, not per-article buttons.
                    <Link href="/account/api">Export the articles through the API</Link>
                  ) : (
                    <Link href="/account/licenses">Download your copies</Link>
                  ))
                )}
              </p>
            )}
          </section>
          {awaited && <HowToPay invoice={awaited} canPayOnline={publisher} />}
          {publisher && (
            <RequestActions
              reference={r.reference}
              version={r.version}
              canWithdraw={canTake('withdraw', r.status)}
              counter={
                r.status === 'countered' && r.counterFee !== null
                  ? {
                      fee: r.counterFee,
                      note: r.counterNote,
                      quoted: r.quoteTotal,
                      currency: r.currency,
                      terms: counterComparison(view),
                    }
                  : null
              }
            />
          )}
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">History</h2>
            <RequestTimeline events={view.events} viewerIsStaff={staff} />
          </section>
        </div>
      </div>
    </article>
  );
}

/** After submitting: what happens next and which mail to expect, so nobody wonders whether it worked. */
function NextSteps({
  status,
  licenseCode,
  awaitingPayment,
}: {
  status: RequestStatus;
  licenseCode?: string;
  awaitingPayment: boolean;
}) {
  if (status === 'approved' && licenseCode)
    return (
      <p data-testid="next-steps">
        It met the desk’s rules and was approved at once: your licence is {licenseCode}. We have emailed it to you with
        its invoice;{' '}
        {awaitingPayment ? (
          'your copies can be downloaded once the invoice is paid (how to pay is below).'
        ) : (
          <>
            your copies, ready to paste, are in <Link href="/account/licenses">My licences</Link>.
          </>
        )}
      </p>
    );
  const median = medianStaffDecisionMs();
  return (
    <p data-testid="next-steps">
      <strong>What happens next:</strong> the desk reviews your request
      {median !== null ? <>, and usually decides within {formatDuration(median)}</> : null}. We will email you when it
      does: a licence ready to download, a counter-offer to accept or decline, or a question. You can follow it on this
      page.
    </p>
  );
}
