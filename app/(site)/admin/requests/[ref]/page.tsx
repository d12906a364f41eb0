import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleRights } from '@/app/ui/admin/ArticleRights';
import { SelectionArticles } from '@/app/ui/catalogue-licences/SelectionSummary';
import { AuditTrail } from '@/app/ui/admin/AuditTrail';
import { DecisionPanel } from '@/app/ui/admin/DecisionPanel';
import { OrgHistory } from '@/app/ui/admin/OrgHistory';
import { StaffMessageForm } from '@/app/ui/admin/StaffMessageForm';
import { StaffInvoicePanel } from '@/app/ui/invoices/StaffInvoicePanel';
import { ExportUsage } from '@/app/ui/licenses/ExportUsage';
import { QuoteBreakdown } from '@/app/ui/quote/QuoteBreakdown';
import { formatDay, formatMoment } from '@/app/ui/requests/dates';
import { CounterTerms } from '@/app/ui/requests/CounterTerms';
import { RequestFacts } from '@/app/ui/requests/RequestFacts';
import { MessageThread } from '@/app/ui/requests/RequestTimeline';
import { StatusBadge } from '@/app/ui/requests/StatusBadge';
import { requirePage } from '@/lib/auth/session';
import { formatMoney } from '@/lib/quote';
import { getRequestForStaff } from '@/lib/requests/admin-queries';
import { isOverdue } from '@/lib/requests/age';
import { counterComparison, counterFormBasis } from '@/lib/requests/counter';
import { allowedActions } from '@/lib/requests/machine';
import { STAFF_DECISIONS, type StaffDecision } from '@/lib/validation/admin';

type Params = { ref: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: `Review ${(await params).ref}` };
}

export default async function ReviewPage({ params }: { params: Promise<Params> }) {
  const user = await requirePage('staff', '/admin');
  const { ref } = await params;
  // Rendering only reads. A submitted request is taken into review by the first decision on it:
  // applyTransition records submitted → in review → decision in one transaction, with the
  // decider as the one who took it (lib/requests/transition.ts). A separate "take for review"
  // click would add a step and a version bump that would stale every other open copy of the page.
  const view = await getRequestForStaff(ref, user);
  if (!view) notFound();
  const { request: r, license } = view;
  // In the order of STAFF_DECISIONS: the usual decision first, the destructive ones last.
  const allowed = allowedActions(r.status, 'staff');
  const actions = STAFF_DECISIONS.filter((a): a is StaffDecision => allowed.includes(a));
  const counter = counterComparison(view);

  return (
    <article aria-labelledby="request-heading">
      <p>
        <Link href="/admin/requests">← Request queue</Link>
      </p>
      <h1 id="request-heading">
        Request {r.reference} <StatusBadge status={r.status} />
        {isOverdue(r.status, r.createdAt) && <span className="badge warn">Overdue</span>}
      </h1>
      <p className="muted">
        Submitted {formatMoment(r.createdAt)} · version {r.version}
        {r.decidedAt && ` · decided ${formatMoment(r.decidedAt)}`}
      </p>

      {license && (
        <div className={`notice ${license.status === 'active' ? 'success' : 'warn'}`} role="status">
          Licence <strong data-testid="licence-code">{license.code}</strong> ({license.status}) at{' '}
          {formatMoney(license.fee, license.currency)}, valid {formatDay(license.validFrom)} –{' '}
          {license.validUntil ? formatDay(license.validUntil) : 'perpetual'}. Invoice {license.invoiceRef}
          {license.paidAt ? ', paid' : ', unpaid'}.{license.revokedReason && ` Revoked: ${license.revokedReason}`}{' '}
          <Link href={`/licenses/${license.code}`}>Verification page</Link>
        </div>
      )}
      {license && <StaffInvoicePanel licenseId={license.id} />}
      {license && <ExportUsage license={license} />}
      {r.status === 'countered' && (
        <div className="notice info">
          Counter-offer of <strong>{formatMoney(r.counterFee, r.currency)}</strong> is with the publisher.
          {r.counterNote && <p className="counter-note">{r.counterNote}</p>}
          {counter && <CounterTerms comparison={counter} askedLabel="Asked" proposedLabel="Proposed" />}
        </div>
      )}

      <div className="two-col">
        <div>
          <section aria-labelledby="use-heading">
            <h2 id="use-heading">The use</h2>
            <RequestFacts view={view} />
          </section>

          <section aria-labelledby="quote-heading">
            <h2 id="quote-heading">Quote</h2>
            <p className="muted">
              Priced on rate card{' '}
              <Link href={`/admin/rate-card?version=${r.rateCardVersion}`}>version {r.rateCardVersion}</Link>
              {view.rateCard && ` of ${formatDay(view.rateCard.createdAt)}`}.
              {r.agreedFee !== null &&
                r.agreedFee !== r.quoteTotal &&
                ` Agreed fee: ${formatMoney(r.agreedFee, r.currency)}.`}
            </p>
            {view.quote ? (
              <QuoteBreakdown quote={view.quote} idPrefix="stored-quote" totalLabel="Quoted" />
            ) : (
              <p>
                Quoted <strong>{formatMoney(r.quoteTotal, r.currency)}</strong>; no breakdown was stored with this
                request.
              </p>
            )}
          </section>

          <section aria-labelledby="articles-heading">
            <h2 id="articles-heading">Articles and rights</h2>
            {r.selection ? (
              // A catalogue selection holds only wholly-owned articles and travels as text only: no picture rights to check.
              <SelectionArticles articles={view.articles} count={view.articleCount} />
            ) : (
              <ArticleRights articles={view.articles} />
            )}
          </section>

          <section aria-labelledby="thread-heading">
            <h2 id="thread-heading">Messages</h2>
            <MessageThread messages={view.messages} viewerIsStaff />
            <StaffMessageForm reference={r.reference} />
          </section>

          <section aria-labelledby="trail-heading">
            <h2 id="trail-heading">Audit trail</h2>
            <AuditTrail events={view.events} />
          </section>
        </div>

        <aside aria-label="Decision and licensee">
          <section aria-labelledby="decide-heading">
            <h2 id="decide-heading">Decide</h2>
            <DecisionPanel
              actions={actions}
              reference={r.reference}
              version={r.version}
              quotedFee={r.quoteTotal === null ? null : formatMoney(r.quoteTotal, r.currency)}
              // A catalogue licence is countered on the fee alone (its articles are the selection's).
              counter={actions.includes('counter') && !r.selection ? counterFormBasis(view) : null}
            />
          </section>
          <OrgHistory view={view} />
        </aside>
      </div>
    </article>
  );
}
